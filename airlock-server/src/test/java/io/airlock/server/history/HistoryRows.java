package io.airlock.server.history;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Session History rows written straight into the table, many at a time: a made-up but plausible history
 * (users, groups, assets, protocols, recordings, end reasons spread over time) for the paging tests and the
 * history benchmark. The same seed gives the same rows.
 */
final class HistoryRows {

    static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    static final String[] PROTOCOLS = {"SSH", "TELNET", "VNC", "RDP"};
    static final String[] REASONS = {"CLOSED_BY_USER", "TERMINATED_BY_ADMIN", "EQUIPMENT_CLOSED", "ERROR",
        "ACCESS_ENDED"};
    static final String[] STATUSES = {"READY", "NONE", "PROCESSING", "FAILED"};

    /** One row as written, for the tests to work out what a query should return. */
    record Row(int user, int group, int asset, String protocol, Instant startedAt, Instant endedAt, String endReason,
            String recordingStatus) {
        String username() {
            return "user" + user;
        }
    }

    private HistoryRows() {
    }

    /**
     * Writes {@code count} rows, started a few minutes apart from {@link #FIRST}; every 50th is still open.
     * A few share their start time with the one before, so that ties in the order show.
     */
    static List<Row> insert(JdbcTemplate jdbc, int count, long seed) {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>(count);
        Instant at = FIRST;
        for (int i = 0; i < count; i++) {
            if (random.nextInt(10) > 0) {
                at = at.plus(Duration.ofSeconds(1 + random.nextInt(600)));
            }
            boolean open = i % 50 == 49;
            rows.add(new Row(random.nextInt(40), random.nextInt(12), random.nextInt(300),
                    PROTOCOLS[random.nextInt(PROTOCOLS.length)], at,
                    open ? null : at.plus(Duration.ofSeconds(5 + random.nextInt(7200))),
                    open ? null : REASONS[random.nextInt(REASONS.length)], STATUSES[random.nextInt(STATUSES.length)]));
        }
        for (int from = 0; from < count; from += 1000) {
            jdbc.batchUpdate("insert into session_record (user_id, username, client_address, group_id, group_name, "
                    + "asset_id, asset_name, method_id, protocol, host, port, enforce_recording, recording_status, "
                    + "started_at, ended_at, end_reason, bytes_to_equipment, bytes_from_equipment) "
                    + "values (?, ?, '10.0.0.1', ?, ?, ?, ?, 1, ?, '10.1.0.1', 22, ?, ?, ?, ?, ?, 10, ?)",
                    rows.subList(from, Math.min(count, from + 1000)).stream().map(r -> new Object[] {r.user(),
                        r.username(), r.group(), "group" + r.group(), r.asset(), "asset" + r.asset(), r.protocol(),
                        !r.recordingStatus().equals("NONE"), r.recordingStatus(), Timestamp.from(r.startedAt()),
                        r.endedAt() == null ? null : Timestamp.from(r.endedAt()), r.endReason(),
                        r.startedAt().getEpochSecond() % 100_000}).toList());
        }
        return rows;
    }
}
