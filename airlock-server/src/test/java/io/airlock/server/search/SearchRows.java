package io.airlock.server.search;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/** Recorded SSH sessions written straight into Session History, for the search tests and the benchmark. */
final class SearchRows {

    static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");

    private SearchRows() {
    }

    /** Session {@code id}, recorded and stored with the given status, an hour long, by {@code username}. */
    static void session(JdbcTemplate jdbc, long id, String username, String asset, String status) {
        Instant started = FIRST.plusSeconds(3600 * id);
        jdbc.update("insert into session_record (id, user_id, username, client_address, group_id, group_name, asset_id, "
                + "asset_name, method_id, protocol, host, port, enforce_recording, recording_status, started_at, "
                + "ended_at, end_reason, bytes_to_equipment, bytes_from_equipment, cast_key) values (?, 1, ?, "
                + "'10.0.0.1', 1, 'line', 1, ?, 1, 'SSH', '10.1.0.1', 22, true, ?, ?, ?, 'CLOSED_BY_USER', 1, 1, ?)",
                id, username, asset, status, Timestamp.from(started), Timestamp.from(started.plusSeconds(3600)),
                "recordings/" + id + ".cast");
    }
}
