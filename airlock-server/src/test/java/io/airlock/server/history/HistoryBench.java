package io.airlock.server.history;

import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.support.MigratedDatabase;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * How long Session History takes to answer over a large history: {@code airlock.bench.sessions} rows
 * (default 100 000) in H2 and in PostgreSQL, then the first page (and a deep one) for the filters and
 * orders the page offers, as the gateway asks for them: count and page, on one open connection, the table
 * changed before each run as a live gateway changes it (so no query cache answers). Prints the median and
 * the slowest of several runs per query. Not a test: the figures depend on the machine.
 *
 * <p>Run with {@code ./airlock bench-history}.
 */
public final class HistoryBench {

    private static final int RUNS = 15;

    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = Integer.getInteger("airlock.bench.sessions", 100_000);
        String from = HistoryRows.FIRST.plus(Duration.ofDays(30)).toString();
        String to = HistoryRows.FIRST.plus(Duration.ofDays(37)).toString();
        Map<String, Map<String, String>> queries = new LinkedHashMap<>();
        queries.put("first page, newest first", Map.of());
        queries.put("Only Show Recorded Sessions", Map.of("recordedOnly", "true"));
        queries.put("one user", Map.of("user", "user7"));
        queries.put("one group, one week", Map.of("groupId", "3", "from", from, "to", to));
        queries.put("one asset, RDP, recorded", Map.of("assetId", "42", "protocol", "RDP", "recordedOnly", "true"));
        queries.put("ended with an error", Map.of("endReason", "ERROR"));
        queries.put("sorted by asset", Map.of("sort", "asset", "direction", "asc"));
        queries.put("sorted by data volume", Map.of("sort", "bytesFromEquipment"));
        queries.put("page 1000 of 50", Map.of("page", "1000"));
        int status = 0;
        System.out.printf(Locale.ROOT, "%nSession History over %,d sessions: count + page of 50, %d runs each (ms)%n",
                sessions, RUNS);
        for (String database : List.of("h2", "postgresql")) {
            try (var db = MigratedDatabase.create(database);
                    var connection = new SingleConnectionDataSource(db.dataSource().getConnection(), true)) {
                long started = System.nanoTime();
                HistoryRows.insert(new JdbcTemplate(connection), sessions, 1);
                if (database.equals("postgresql")) {
                    new JdbcTemplate(connection).execute("analyze session_record"); // as autovacuum would
                }
                System.out.printf(Locale.ROOT, "%n%s (rows written in %.1f s)%n  %-30s %8s %8s %8s%n", database,
                        (System.nanoTime() - started) / 1e9, "", "median", "max", "matches");
                var pages = new HistoryPages(new SessionRecordRepository(JdbcClient.create(connection)));
                var touch = new JdbcTemplate(connection);
                for (var query : queries.entrySet()) {
                    HistoryQuery parsed = HistoryQuery.parse(query.getValue());
                    double[] millis = new double[RUNS];
                    long total = 0;
                    for (int i = 0; i < RUNS; i++) {
                        // A live gateway changes the table all the time, which empties H2's query cache: so here.
                        touch.update("update session_record set bytes_to_equipment = bytes_to_equipment + 1 "
                                + "where id = (select min(id) from session_record)");
                        long t0 = System.nanoTime();
                        total = pages.page(parsed).total();
                        millis[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    Arrays.sort(millis);
                    System.out.printf(Locale.ROOT, "  %-30s %8.1f %8.1f %8d%n", query.getKey(), millis[RUNS / 2],
                            millis[RUNS - 1], total);
                }
            } catch (Exception e) {
                System.err.println("bench-history on " + database + " failed: " + e);
                status = 1;
            }
        }
        System.exit(status);
    }
}
