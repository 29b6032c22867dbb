package io.airlock.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlock.server.support.MigratedDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What a recorded screen showed, as Search keeps it: the lines as they stood whole, each once with the
 * moment it first appeared, found by all of a query's words on H2 and PostgreSQL alike.
 */
class RecordingTextStoreTest {

    /** An operator types {@code echo hidden-word} one key at a time, the equipment answers, twice. */
    static String typedSession() {
        var cast = new StringBuilder("{\"version\":2,\"width\":80,\"height\":24}\n[0.5,\"o\",\"$ \"]\n");
        double at = 1.0;
        for (char key : "echo hidden-word".toCharArray()) {
            cast.append(String.format(Locale.ROOT, "[%.2f,\"i\",\"%c\"]%n[%.2f,\"o\",\"%c\"]%n", at, key, at + 0.05, key));
            at += 0.1;
        }
        cast.append("[4.0,\"o\",\"\\r\\nhidden-word\\r\\n$ \"]\n");
        cast.append("[9.0,\"o\",\"clear\\r\\n\\u001b[H\\u001b[2Jhidden-word\\r\\n$ \"]\n");
        return cast.toString();
    }

    @Test
    void linesAreTakenWholeOnceWithTheMomentTheyFirstStoodOnTheScreen() throws Exception {
        var lines = ScreenLines.of(new ByteArrayInputStream(typedSession().getBytes(StandardCharsets.UTF_8)));
        assertThat(lines).extracting(ScreenLines.Line::text).doesNotContain("$ e", "$ ech", "$ echo hidden-wor")
                .containsOnlyOnce("hidden-word");
        assertThat(lines).contains(new ScreenLines.Line(2550, "$ echo hidden-word"),
                new ScreenLines.Line(4000, "hidden-word"));
        assertThat(lines).extracting(ScreenLines.Line::offsetMillis).isSorted();
    }

    @Test
    void wordsAreLowerCaseRunsOfLettersAndDigitsEachOnce() {
        assertThat(Words.of("cat /etc/HOSTS && cat /etc/hosts; Grüße x86_64")).containsExactly("cat", "etc",
                "hosts", "grüße", "x86", "64");
        assertThat(Words.of("-- $ ##")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyWordOfTheQueryMustBeOnTheLineAndNewestSessionsComeFirst(String database) throws Exception {
        try (var db = MigratedDatabase.create(database); var connection = connection(db)) {
            var jdbc = new JdbcTemplate(connection);
            var repository = new RecordingTextRepository(connection);
            var lines = ScreenLines.of(new ByteArrayInputStream(typedSession().getBytes(StandardCharsets.UTF_8)));
            SearchRows.session(jdbc, 1, "alice", "PLC 7", "EXPIRED");
            SearchRows.session(jdbc, 2, "bob", "PLC 9", "READY");
            repository.store(1, lines, Instant.now());
            repository.store(2, lines, Instant.now());
            repository.store(2, lines, Instant.now()); // a repeated run adds nothing

            assertThat(repository.count(List.of("hidden", "word"), 100))
                    .isEqualTo(new RecordingTextRepository.Count(4, false));
            assertThat(repository.count(List.of("hidden", "word"), 3)).as("counted up to the limit")
                    .isEqualTo(new RecordingTextRepository.Count(3, true));
            var hits = repository.page(List.of("word", "hidden"), 0, 10);
            assertThat(hits).extracting(RecordingTextRepository.Hit::sessionId).containsExactly(2L, 2L, 1L, 1L);
            assertThat(hits.getFirst()).extracting(RecordingTextRepository.Hit::line,
                    RecordingTextRepository.Hit::offsetMillis, RecordingTextRepository.Hit::username,
                    RecordingTextRepository.Hit::assetName).containsExactly("$ echo hidden-word", 2550L, "bob", "PLC 9");
            assertThat(hits.get(3).recordingStatus()).as("expired recordings stay searchable").isEqualTo("EXPIRED");

            assertThat(repository.page(List.of("echo", "hidden"), 0, 10)).extracting(RecordingTextRepository.Hit::line)
                    .containsExactly("$ echo hidden-word", "$ echo hidden-word");
            assertThat(repository.count(List.of("echo", "nowhere"), 100).total()).isZero();
            assertThat(repository.count(List.of("hidd"), 100).total()).as("whole words only").isZero();
            assertThat(repository.page(List.of("hidden"), 1, 3)).hasSize(1);
            assertThat(repository.indexed(2)).isTrue();
            assertThat(repository.pending(Instant.now(), 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aCountOfVeryCommonWordsStopsEarlyAndSaysItIsALowerBound(String database) throws Exception {
        try (var db = MigratedDatabase.create(database); var connection = connection(db)) {
            var repository = new RecordingTextRepository(connection);
            SearchRows.session(new JdbcTemplate(connection), 9, "dave", "Boiler", "READY");
            var lines = new java.util.ArrayList<ScreenLines.Line>();
            for (int i = 0; i < 2500; i++) {
                lines.add(new ScreenLines.Line(i * 100L, "reading sensor " + i));
            }
            repository.store(9, lines, Instant.now());

            assertThat(repository.count(List.of("sensor"), 1000)).isEqualTo(new RecordingTextRepository.Count(1000, true));
            var both = repository.count(List.of("reading", "sensor"), 10_000);
            assertThat(both.total()).isPositive().isLessThanOrEqualTo(2500);
            assertThat(both.atLeast() || both.total() == 2500).as("exact, or said to be a lower bound").isTrue();
            assertThat(repository.page(List.of("sensor", "reading"), 1, 50))
                    .extracting(RecordingTextRepository.Hit::line).startsWith("reading sensor 50");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailedRecordingIsTriedAgainOnlyOnceItsRetryIsDue(String database) throws Exception {
        try (var db = MigratedDatabase.create(database); var connection = connection(db)) {
            var repository = new RecordingTextRepository(connection);
            SearchRows.session(new JdbcTemplate(connection), 5, "carol", "RTU", "READY");
            Instant now = Instant.parse("2026-05-01T10:00:00Z");
            assertThat(repository.pending(now, 10)).extracting(RecordingTextRepository.Pending::sessionId)
                    .containsExactly(5L);
            repository.failed(5, "The bucket cannot be reached.", now.plusSeconds(60));
            assertThat(repository.failures(5)).isEqualTo(1);
            assertThat(repository.pending(now, 10)).isEmpty();
            assertThat(repository.pending(now.plusSeconds(61), 10)).hasSize(1);
        }
    }

    private static SingleConnectionDataSource connection(MigratedDatabase db) throws SQLException {
        return new SingleConnectionDataSource(db.dataSource().getConnection(), true);
    }
}
