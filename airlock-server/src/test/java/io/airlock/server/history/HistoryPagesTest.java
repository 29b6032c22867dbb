package io.airlock.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlock.server.history.HistoryController.HistoryRow;
import io.airlock.server.history.HistoryRows.Row;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.support.MigratedDatabase;
import io.airlock.server.web.ApiException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Session History pages through the whole history in the database, on H2 and PostgreSQL alike: filters
 * combine, pages join up without gaps or repeats, ties keep a stable order, and a malformed URL is refused
 * field by field.
 */
class HistoryPagesTest {

    private static final int ROWS = 700;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void filtersCombineAndPagesJoinUpInOrder(String database) throws Exception {
        try (var db = MigratedDatabase.create(database)) {
            var connection = connection(db);
            List<Row> rows = HistoryRows.insert(new JdbcTemplate(connection), ROWS, 1);
            var pages = pages(connection);
            Instant from = HistoryRows.FIRST.plus(Duration.ofDays(1));
            Instant to = HistoryRows.FIRST.plus(Duration.ofDays(2));

            assertPagesMatch(pages, Map.of("recordedOnly", "true", "protocol", "ssh", "size", "7"),
                    r -> r.recordingStatus().equals("READY") && r.protocol().equals("SSH"), rows);
            assertPagesMatch(pages, Map.of("from", from.toString(), "to", to.toString(), "endReason", "ERROR",
                    "size", "3"), r -> !r.startedAt().isBefore(from) && r.startedAt().isBefore(to)
                            && "ERROR".equals(r.endReason()), rows);
            assertPagesMatch(pages, Map.of("user", "user7", "groupId", "3"),
                    r -> r.username().equals("user7") && r.group() == 3, rows);
            assertPagesMatch(pages, Map.of("assetId", "42", "size", "2"), r -> r.asset() == 42, rows);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everySortGivesTheWholeHistoryOnceWithTiesInIdOrder(String database) throws Exception {
        try (var db = MigratedDatabase.create(database)) {
            var connection = connection(db);
            HistoryRows.insert(new JdbcTemplate(connection), ROWS, 2);
            var pages = pages(connection);
            for (HistoryQuery.Sort sort : HistoryQuery.Sort.values()) {
                for (String direction : List.of("asc", "desc")) {
                    List<HistoryRow> all = allPages(pages, Map.of("sort", sort.param(), "direction", direction,
                            "size", "200"));
                    assertThat(all).as(sort + " " + direction).hasSize(ROWS);
                    assertThat(all.stream().map(HistoryRow::id).distinct()).hasSize(ROWS);
                    assertThat(all).as(sort + " " + direction).isSortedAccordingTo(order(sort, direction));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2"})
    void aPageBeyondTheEndIsEmptyAndStillCountsTheMatches(String database) throws Exception {
        try (var db = MigratedDatabase.create(database)) {
            var connection = connection(db);
            HistoryRows.insert(new JdbcTemplate(connection), 30, 3);
            var pages = pages(connection);
            var page = pages.page(HistoryQuery.parse(Map.of("page", "9", "size", "10")));
            assertThat(page.items()).isEmpty();
            assertThat(page.total()).isEqualTo(30);
        }
    }

    @Test
    void aMalformedUrlIsRefusedNamingTheField() {
        Map<String, String> bad = Map.of("sort", "password", "direction", "sideways", "from", "yesterday",
                "size", "5000", "page", "-1", "protocol", "ftp", "endReason", "BORED", "recorded", "true",
                "groupId", "x");
        for (var entry : bad.entrySet()) {
            assertThatThrownBy(() -> HistoryQuery.parse(Map.of(entry.getKey(), entry.getValue())))
                    .as(entry.toString()).isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.fields()).containsKey(entry.getKey()));
        }
        assertThatThrownBy(() -> HistoryQuery.parse(Map.of("from", "2026-02-01T00:00:00Z", "to",
                "2026-01-01T00:00:00Z"))).isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.fields()).containsKey("to"));
    }

    /** One connection for the whole test, as a pool would keep: H2 opens its file for each new one. */
    private static SingleConnectionDataSource connection(MigratedDatabase db) throws SQLException {
        return new SingleConnectionDataSource(db.dataSource().getConnection(), true);
    }

    private static HistoryPages pages(DataSource connection) {
        return new HistoryPages(new SessionRecordRepository(JdbcClient.create(connection)));
    }

    private static void assertPagesMatch(HistoryPages pages, Map<String, String> params, Predicate<Row> matches,
            List<Row> rows) {
        long expected = rows.stream().filter(matches).count();
        assertThat(expected).as("the made-up history has rows for " + params).isPositive();
        List<HistoryRow> all = allPages(pages, params);
        assertThat(all).as(params.toString()).hasSize((int) expected);
        assertThat(all).isSortedAccordingTo(order(HistoryQuery.Sort.STARTED_AT, "desc"));
        assertThat(pages.page(HistoryQuery.parse(params)).total()).isEqualTo(expected);
    }

    private static List<HistoryRow> allPages(HistoryPages pages, Map<String, String> params) {
        List<HistoryRow> all = new ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            Map<String, String> withPage = new HashMap<>(params);
            withPage.put("page", Integer.toString(page));
            var result = pages.page(HistoryQuery.parse(withPage));
            if (result.items().isEmpty()) {
                return all;
            }
            all.addAll(result.items());
        }
        throw new AssertionError("more pages than rows");
    }

    /** What each sort means, written independently of the SQL: the column, then start time, then id. */
    private static Comparator<HistoryRow> order(HistoryQuery.Sort sort, String direction) {
        Comparator<HistoryRow> column = switch (sort) {
            case STARTED_AT -> Comparator.comparing(HistoryRow::startedAt);
            case USER -> Comparator.comparing(HistoryRow::username);
            case GROUP -> Comparator.comparing(HistoryRow::groupName);
            case ASSET -> Comparator.comparing(HistoryRow::assetName);
            case PROTOCOL -> Comparator.comparing(HistoryRow::protocol);
            case BYTES_FROM_EQUIPMENT -> Comparator.comparingLong(HistoryRow::bytesFromEquipment);
        };
        Comparator<HistoryRow> full = column.thenComparing(HistoryRow::startedAt).thenComparingLong(HistoryRow::id);
        return direction.equals("asc") ? full : full.reversed();
    }
}
