package io.airlock.server.history;

import io.airlock.server.asset.Protocol;
import io.airlock.server.recording.RecordingStatus;
import io.airlock.server.session.EndReason;
import io.airlock.server.web.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * What a Session History page asks for: filters, an order and a page. Built from the page's URL, checked
 * field by field, and turned into SQL from fixed fragments only: what a client sends becomes parameters,
 * never text of the statement.
 *
 * @param username sessions of this user only, or null
 * @param groupId sessions through this access group only, or null
 * @param assetId sessions to this asset only, or null
 * @param protocol SSH, TELNET, VNC or RDP, or null
 * @param from sessions started at or after this instant, or null
 * @param to sessions started before this instant, or null
 * @param endReason sessions that ended so, or null
 * @param recordedOnly Only Show Recorded Sessions: those whose recording is in the bucket
 * @param sort the column to order by
 * @param descending newest (largest, last) first
 * @param page zero-based page number
 * @param size rows per page
 */
record HistoryQuery(String username, Long groupId, Long assetId, String protocol, Instant from, Instant to,
        EndReason endReason, boolean recordedOnly, Sort sort, boolean descending, int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;

    /**
     * The columns Session History sorts by, each with its SQL column, then by start time and id. Each leads an
     * index (V8). Not the end time: open sessions have none, and H2 and PostgreSQL order nulls differently.
     */
    enum Sort {
        STARTED_AT("startedAt", "started_at"),
        USER("user", "username"),
        GROUP("group", "group_name"),
        ASSET("asset", "asset_name"),
        PROTOCOL("protocol", "protocol"),
        BYTES_FROM_EQUIPMENT("bytesFromEquipment", "bytes_from_equipment");

        private final String param;
        private final String column;

        Sort(String param, String column) {
            this.param = param;
            this.column = column;
        }

        /** As the page's URL names it. */
        String param() {
            return param;
        }

        static Sort of(String param) {
            for (Sort sort : values()) {
                if (sort.param.equals(param)) {
                    return sort;
                }
            }
            throw ApiException.invalidField("sort", "Sort by one of " + String.join(", ",
                    Arrays.stream(values()).map(s -> s.param).toList()) + ".");
        }
    }

    /** The parameters a URL may carry; another one is more likely a mistake than something to ignore. */
    static final Set<String> PARAMETERS = Set.of("user", "groupId", "assetId", "protocol", "from", "to", "endReason",
            "recordedOnly", "sort", "direction", "page", "size");

    /** The query a URL asks for; blank parameters mean "any". */
    static HistoryQuery parse(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ApiException.invalidField(name, "Session History has no filter " + name + ".");
            }
        }
        String direction = text(params, "direction");
        if (direction != null && !direction.equals("asc") && !direction.equals("desc")) {
            throw ApiException.invalidField("direction", "Direction is asc or desc.");
        }
        String protocol = text(params, "protocol");
        if (protocol != null) {
            protocol = protocol.toUpperCase(Locale.ROOT);
            try {
                Protocol.valueOf(protocol);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("protocol", "Unknown protocol " + params.get("protocol") + ".");
            }
        }
        String reason = text(params, "endReason");
        EndReason endReason = null;
        if (reason != null) {
            try {
                endReason = EndReason.valueOf(reason);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("endReason", "Unknown end reason " + reason + ".");
            }
        }
        Instant from = instant(params, "from");
        Instant to = instant(params, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalidField("to", "The end of the time range must be after its start.");
        }
        String sort = text(params, "sort");
        int size = number(params, "size", DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.invalidField("size", "Page size is 1 to " + MAX_SIZE + ".");
        }
        int page = number(params, "page", 0);
        if (page < 0) {
            throw ApiException.invalidField("page", "Pages are numbered from 0.");
        }
        return new HistoryQuery(text(params, "user"), id(params, "groupId"), id(params, "assetId"), protocol, from,
                to, endReason, "true".equals(params.get("recordedOnly")), sort == null ? Sort.STARTED_AT
                        : Sort.of(sort), !"asc".equals(direction), page, size);
    }

    /** A condition over session_record and its parameters, in order. */
    record Condition(String sql, List<Object> params) {
    }

    Condition condition() {
        List<String> sql = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        BiConsumer<String, Object> when = (fragment, value) -> {
            if (value != null) {
                sql.add(fragment);
                params.add(value);
            }
        };
        when.accept("username = ?", username);
        when.accept("group_id = ?", groupId);
        when.accept("asset_id = ?", assetId);
        when.accept("protocol = ?", protocol);
        when.accept("started_at >= ?", from == null ? null : Timestamp.from(from));
        when.accept("started_at < ?", to == null ? null : Timestamp.from(to));
        when.accept("end_reason = ?", endReason == null ? null : endReason.name());
        when.accept("recording_status = ?", recordedOnly ? RecordingStatus.READY.name() : null);
        return new Condition(String.join(" and ", sql), params);
    }

    String orderBy() {
        String direction = descending ? " desc" : " asc";
        return (sort == Sort.STARTED_AT ? "" : sort.column + direction + ", ") + "started_at" + direction + ", id"
                + direction;
    }

    long offset() {
        return (long) page * size;
    }

    private static String text(Map<String, String> params, String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(Map<String, String> params, String name) {
        String value = text(params, name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "Give the time as ISO-8601, for example 2026-11-29T08:00:00Z.");
        }
    }

    private static int number(Map<String, String> params, String name, int fallback) {
        String value = text(params, name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, "Not a number: " + value + ".");
        }
    }

    private static Long id(Map<String, String> params, String name) {
        String value = text(params, name);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, "Not an id: " + value + ".");
        }
    }
}
