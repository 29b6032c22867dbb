package io.airlock.server.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The recorded lines and their search structure: PostgreSQL's full-text index over each line's words, or
 * on H2 a word table read in the order results are shown (newest session first, then as they appeared).
 */
@Repository
class RecordingTextRepository {

    /** A query's words are ANDed; more than this many add little and cost a join each on H2. */
    static final int MAX_QUERY_WORDS = 8;
    /** H2 looks up at most this many of the leading word's lines in the other words' rows to count them. */
    static final int LEAD_WINDOW = 2_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final boolean postgres;

    RecordingTextRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
        this.postgres = postgres(dataSource);
    }

    /** One matching line and the session it was recorded in. */
    record Hit(long sessionId, long offsetMillis, String line, Instant startedAt, String username, String assetName,
            String protocol, String recordingStatus) {
    }

    /** A recording whose text is not indexed yet, and where its terminal recording is. */
    record Pending(long sessionId, String castKey, Long integrationId) {
    }

    /**
     * Stores a recording's lines and marks it indexed. Lines already there (an earlier run that committed)
     * are kept: the lines and the mark are written in one transaction by the caller.
     */
    void store(long sessionId, List<ScreenLines.Line> lines, Instant at) {
        boolean present = jdbc.sql("select count(*) from (select 1 from recording_text_line where session_id = ? "
                + "fetch first 1 rows only) m").param(sessionId).query(Long.class).single() > 0;
        if (!present) {
            List<Object[]> rows = new ArrayList<>(lines.size());
            for (int ordinal = 0; ordinal < lines.size(); ordinal++) {
                var line = lines.get(ordinal);
                rows.add(new Object[] {sessionId, ordinal, line.offsetMillis(), line.text(),
                    joined(Words.of(line.text()))});
            }
            for (int from = 0; from < rows.size(); from += 5000) {
                template.batchUpdate("insert into recording_text_line (session_id, ordinal, offset_millis, line, words) "
                        + "values (?, ?, ?, ?, ?)", rows.subList(from, Math.min(rows.size(), from + 5000)));
            }
            if (!postgres) {
                insertWords(sessionId, lines);
            }
        }
        markIndexed(sessionId, lines.size(), at);
    }

    private void insertWords(long sessionId, List<ScreenLines.Line> lines) {
        List<Object[]> rows = new ArrayList<>();
        for (int ordinal = 0; ordinal < lines.size(); ordinal++) {
            for (String word : Words.of(lines.get(ordinal).text())) {
                rows.add(new Object[] {word, sessionId, ordinal});
            }
            if (rows.size() >= 5000) {
                template.batchUpdate("insert into recording_text_word (word, session_id, ordinal) values (?, ?, ?)",
                        rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            template.batchUpdate("insert into recording_text_word (word, session_id, ordinal) values (?, ?, ?)", rows);
        }
    }

    private void markIndexed(long sessionId, int lines, Instant at) {
        int updated = jdbc.sql("update recording_text_state set indexed_at = ?, line_count = ?, last_error = null, "
                + "retry_after = null where session_id = ?").params(Timestamp.from(at), lines, sessionId).update();
        if (updated == 0) {
            jdbc.sql("insert into recording_text_state (session_id, indexed_at, line_count) values (?, ?, ?)")
                    .params(sessionId, Timestamp.from(at), lines).update();
        }
    }

    /** A failed attempt: the recording is tried again after {@code retryAfter}. */
    void failed(long sessionId, String error, Instant retryAfter) {
        String detail = error.length() <= 1024 ? error : error.substring(0, 1021) + "…";
        int updated = jdbc.sql("update recording_text_state set failures = failures + 1, last_error = ?, retry_after = ? "
                + "where session_id = ?").params(detail, Timestamp.from(retryAfter), sessionId).update();
        if (updated == 0) {
            jdbc.sql("insert into recording_text_state (session_id, failures, last_error, retry_after) values (?, 1, ?, ?)")
                    .params(sessionId, detail, Timestamp.from(retryAfter)).update();
        }
    }

    /** How often indexing this recording failed so far. */
    int failures(long sessionId) {
        return jdbc.sql("select failures from recording_text_state where session_id = ?").param(sessionId)
                .query(Integer.class).optional().orElse(0);
    }

    boolean indexed(long sessionId) {
        return jdbc.sql("select count(*) from recording_text_state where session_id = ? and indexed_at is not null")
                .param(sessionId).query(Long.class).single() > 0;
    }

    /** Stored terminal recordings without an index whose next try is due, newest first. */
    List<Pending> pending(Instant now, int limit) {
        return jdbc.sql("select s.id, s.cast_key, s.integration_id from session_record s where s.recording_status = "
                + "'READY' and s.cast_key is not null and s.protocol in ('SSH', 'TELNET') and not exists (select 1 "
                + "from recording_text_state t where t.session_id = s.id and (t.indexed_at is not null or "
                + "t.retry_after > ?)) order by s.id desc fetch first ? rows only")
                .params(Timestamp.from(now), limit)
                .query((rs, n) -> {
                    long integration = rs.getLong("integration_id");
                    return new Pending(rs.getLong("id"), rs.getString("cast_key"), rs.wasNull() ? null : integration);
                })
                .list();
    }

    /** How many lines match, and whether there are more than that. */
    record Count(long total, boolean atLeast) {
    }

    /**
     * How many lines hold every one of {@code words}, counted up to {@code max}: a word on a third of all
     * lines would otherwise cost a read of every one of them, for a figure nobody pages through. On H2 a
     * query of several words whose leading word is common counts only among that word's newest
     * {@value #LEAD_WINDOW} lines (each is looked up in the other words' rows), and says it is a lower bound.
     */
    Count count(List<String> words, int max) {
        if (postgres) {
            long n = jdbc.sql("select count(*) from (select 1 from recording_text_line where words_tsv @@ "
                    + "plainto_tsquery('simple', ?) fetch first ? rows only) m").params(joined(words), max + 1)
                    .query(Long.class).single();
            return new Count(Math.min(n, max), n > max);
        }
        boolean window = words.size() > 1 && countWord(leading(words), LEAD_WINDOW + 1) > LEAD_WINDOW;
        List<Object> params = new ArrayList<>();
        String from = wordJoins(words, params, window);
        params.add(max + 1);
        long n = jdbc.sql("select count(*) from (select 1 " + from + " fetch first ? rows only) m").params(params)
                .query(Long.class).single();
        return new Count(Math.min(n, max), window || n > max);
    }

    private long countWord(String word, int limit) {
        return jdbc.sql("select count(*) from (select 1 from recording_text_word where word = ? fetch first ? rows only) m")
                .params(word, limit).query(Long.class).single();
    }

    /** One page of the lines that hold every one of {@code words}, newest session first. */
    List<Hit> page(List<String> words, int page, int size) {
        long offset = (long) page * size;
        if (postgres) {
            return jdbc.sql("select s.id, l.offset_millis, l.line, s.started_at, s.username, s.asset_name, s.protocol, "
                    + "s.recording_status from recording_text_line l join session_record s on s.id = l.session_id "
                    + "where l.words_tsv @@ plainto_tsquery('simple', ?) "
                    + "order by l.session_id desc, l.ordinal offset ? rows fetch next ? rows only")
                    .params(joined(words), offset, size).query(RecordingTextRepository::hit).list();
        }
        List<Object> params = new ArrayList<>();
        String from = wordJoins(words, params, false);
        params.add(offset);
        params.add(size);
        // The leading word's column heads the order too: only then does H2 read its index in order and stop.
        return jdbc.sql("select s.id, l.offset_millis, l.line, s.started_at, s.username, s.asset_name, s.protocol, "
                + "s.recording_status from (select w0.session_id, w0.ordinal " + from + " order by w0.word, "
                + "w0.session_id desc, w0.ordinal offset ? rows fetch next ? rows only) m join recording_text_line l "
                + "on l.session_id = m.session_id and l.ordinal = m.ordinal join session_record s on s.id = "
                + "m.session_id order by m.session_id desc, m.ordinal")
                .params(params).query(RecordingTextRepository::hit).list();
    }

    /**
     * H2: the leading word's rows, in result order, each kept only when the line holds the other words too;
     * with {@code window}, only the leading word's newest {@value #LEAD_WINDOW} rows.
     */
    private static String wordJoins(List<String> query, List<Object> params, boolean window) {
        List<String> words = new ArrayList<>(query);
        words.remove(leading(query));
        words.addFirst(leading(query));
        var from = new StringBuilder("from ");
        if (window) {
            from.append("(select session_id, ordinal from recording_text_word where word = ? order by word, "
                    + "session_id desc, ordinal fetch first " + LEAD_WINDOW + " rows only) w0");
            params.add(words.getFirst());
        } else {
            from.append("recording_text_word w0");
        }
        for (int i = 1; i < words.size(); i++) {
            from.append(" join recording_text_word w").append(i).append(" on w").append(i).append(".word = ? and w")
                    .append(i).append(".session_id = w0.session_id and w").append(i).append(".ordinal = w0.ordinal");
            params.add(words.get(i));
        }
        if (!window) {
            from.append(" where w0.word = ?");
            params.add(words.getFirst());
        }
        return from.toString();
    }

    /** The word whose rows H2 reads one by one: the longest, as longer words are rarer. */
    private static String leading(List<String> words) {
        return words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
    }

    private static Hit hit(ResultSet rs, int row) throws SQLException {
        return new Hit(rs.getLong("id"), rs.getLong("offset_millis"), rs.getString("line"),
                rs.getTimestamp("started_at").toInstant(), rs.getString("username"), rs.getString("asset_name"),
                rs.getString("protocol"), rs.getString("recording_status"));
    }

    private static String joined(List<String> words) {
        String joined = String.join(" ", words);
        return joined.length() <= 2000 ? joined : joined.substring(0, Math.max(0, joined.lastIndexOf(' ', 2000)));
    }

    private static boolean postgres(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database this is", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
