package io.airlock.server.search;

import io.airlock.server.support.MigratedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How long Search takes over {@code airlock.bench.hours} recorded hours (default 1 000) of index data in H2
 * and in PostgreSQL: one recorded hour is a session with {@code airlock.bench.lines} distinct screen lines
 * (default 1 000: prompts, commands and their output, words drawn unevenly from a vocabulary as real
 * output is), then the count (up to {@link RecordingSearch#MAX_COUNT}) and a page of 50 as the gateway asks
 * for them, for words from the rarest to one on a third of all lines. Prints the median and the slowest of
 * several runs per query. Not a test: the figures depend on the machine.
 *
 * <p>Run with {@code ./airlock bench-search}.
 */
public final class SearchBench {

    private static final int RUNS = 11;
    private static final String[] COMMANDS = {"ls -la", "cat /var/log/syslog", "systemctl status", "ping -c 3",
        "tail -n 50", "grep -i error", "df -h", "ps aux", "show interfaces", "show running-config", "ip route"};

    private SearchBench() {
    }

    public static void main(String[] args) {
        int hours = Integer.getInteger("airlock.bench.hours", 1000);
        int linesPerHour = Integer.getInteger("airlock.bench.lines", 1000);
        Map<String, List<String>> queries = new LinkedHashMap<>();
        queries.put("a rare word (3 of 1 000 h)", List.of("needle7"));
        queries.put("two rare words, same line", List.of("needle7", "haystack"));
        queries.put("a mid-frequency word", List.of("word300"));
        queries.put("two common words ANDed", List.of("word3", "word5"));
        queries.put("a word on a third of lines", List.of("operator"));
        queries.put("page 20 of that word", List.of("operator"));
        queries.put("no match", List.of("absentword"));
        int status = 0;
        System.out.printf(Locale.ROOT, "%nSearch over %,d recorded hours (%,d distinct lines each): count + page of 50, "
                + "%d runs each (ms)%n", hours, linesPerHour, RUNS);
        for (String database : System.getProperty("airlock.bench.databases", "h2,postgresql").split(",")) {
            try (var db = MigratedDatabase.create(database);
                    var connection = new SingleConnectionDataSource(db.dataSource().getConnection(), true)) {
                var jdbc = new JdbcTemplate(connection);
                var repository = new RecordingTextRepository(connection);
                long started = System.nanoTime();
                long lines = write(connection, repository, hours, linesPerHour);
                if (database.equals("postgresql")) {
                    jdbc.execute("analyze"); // as autovacuum would
                }
                System.out.printf(Locale.ROOT, "%n%s (%,d lines written in %.1f s)%n  %-30s %8s %8s %9s %5s%n",
                        database, lines, (System.nanoTime() - started) / 1e9, "", "median", "max", "matches", "shown");
                int touches = 0;
                for (var query : queries.entrySet()) {
                    int page = query.getKey().startsWith("page 20") ? 19 : 0;
                    double[] millis = new double[RUNS];
                    RecordingTextRepository.Count total = null;
                    List<RecordingTextRepository.Hit> shown = List.of();
                    for (int i = 0; i < RUNS; i++) {
                        // A live gateway writes the index all the time, which empties H2's query cache: so here.
                        jdbc.update("insert into recording_text_word (word, session_id, ordinal) values ('touch', 0, ?)",
                                touches++);
                        jdbc.update("update recording_text_line set offset_millis = offset_millis + 1 where session_id = 1 "
                                + "and ordinal = 0");
                        long t0 = System.nanoTime();
                        total = repository.count(query.getValue(), RecordingSearch.MAX_COUNT);
                        shown = repository.page(query.getValue(), page, 50);
                        millis[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    Arrays.sort(millis);
                    System.out.printf(Locale.ROOT, "  %-30s %8.1f %8.1f %9s %5d%n", query.getKey(), millis[RUNS / 2],
                            millis[RUNS - 1], (total.atLeast() ? ">= " : "") + total.total(), shown.size());
                }
            } catch (Exception e) {
                System.err.println("bench-search on " + database + " failed: " + e);
                status = 1;
            }
        }
        System.exit(status);
    }

    /** Writes the sessions and their lines as the indexer does, one recording per transaction. */
    private static long write(SingleConnectionDataSource connection, RecordingTextRepository repository, int hours,
            int linesPerHour) throws SQLException {
        var jdbc = new JdbcTemplate(connection);
        Connection transaction = connection.getConnection();
        transaction.setAutoCommit(false);
        Random random = new Random(11);
        long lines = 0;
        for (int session = 1; session <= hours; session++) {
            SearchRows.session(jdbc, session, "user" + (session % 40), "asset" + (session % 300), "READY");
            Set<String> distinct = new LinkedHashSet<>();
            String prompt = "operator@asset" + (session % 300) + ":~$ ";
            while (distinct.size() < linesPerHour) {
                distinct.add(random.nextInt(3) == 0 ? prompt + COMMANDS[random.nextInt(COMMANDS.length)] + " "
                        + word(random) : output(random));
            }
            if (session % 400 == 7) {
                distinct.add("needle7 in the haystack at line " + session);
            }
            List<ScreenLines.Line> recorded = new ArrayList<>(distinct.size());
            long at = 0;
            for (String line : distinct) {
                at += 1 + random.nextInt(4800);
                recorded.add(new ScreenLines.Line(at, line));
            }
            repository.store(session, recorded, Instant.now());
            transaction.commit();
            lines += recorded.size();
        }
        transaction.setAutoCommit(true);
        return lines;
    }

    /** A line of output: a few words, the common ones much more often (roughly as in real text), and numbers. */
    private static String output(Random random) {
        var line = new StringBuilder();
        int words = 3 + random.nextInt(8);
        for (int i = 0; i < words; i++) {
            line.append(i == 0 ? "" : " ").append(random.nextInt(5) == 0 ? Integer.toString(random.nextInt(100_000))
                    : word(random));
        }
        return line.toString();
    }

    private static String word(Random random) {
        // Zipf-like: rank = exp(uniform * ln(vocabulary)), so word1 is far more common than word5000.
        int rank = (int) Math.exp(random.nextDouble() * Math.log(20_000));
        return "word" + rank;
    }
}
