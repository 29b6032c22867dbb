package io.airlock.server.search;

import io.airlock.recording.RecordingFormatException;
import io.airlock.server.storage.RecordingStore;
import io.airlock.server.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes what a stored terminal recording showed, for Search. Runs right after the recording becomes READY,
 * from the spool file the gateway still holds; whatever that misses (a failure, a crash between READY and
 * the index, recordings stored before search existed) the periodic {@link #catchUp(int) catch-up} indexes
 * from the bucket. A recording stays READY whether or not its text could be indexed.
 */
@Service
public class RecordingText {

    private static final Logger log = LoggerFactory.getLogger(RecordingText.class);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final Duration MAX_RETRY = Duration.ofDays(1);

    private final RecordingTextRepository repository;
    private final RecordingStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RecordingText(RecordingTextRepository repository, RecordingStore store, TransactionTemplate transactions,
            Clock clock) {
        this.repository = repository;
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Indexes a recording that just became READY from its spool file. Never fails the caller: a failure is
     * noted and the catch-up tries again from the bucket.
     */
    public void indexSpooled(long sessionId, Path cast) {
        try (InputStream in = Files.newInputStream(cast)) {
            index(sessionId, in);
        } catch (IOException | RecordingFormatException | RuntimeException e) {
            try {
                failed(sessionId, e);
            } catch (RuntimeException unrecorded) {
                // Not even the failure could be written (the database is gone): the catch-up finds it unindexed.
                log.warn("Search cannot index the recording of session #{} now: {}", sessionId, unrecorded.toString());
            }
        }
    }

    /**
     * Indexes up to {@code limit} stored terminal recordings that have no index yet, newest first, reading
     * them from the bucket.
     *
     * @return how many were indexed
     */
    public int catchUp(int limit) {
        int indexed = 0;
        for (var pending : repository.pending(clock.instant(), limit)) {
            RecordingStore target = pending.integrationId() != null
                    && store.integrationName(pending.integrationId()).isPresent()
                            ? store.integration(pending.integrationId()) : store;
            try {
                var head = target.head(pending.castKey()).orElseThrow(() -> new StorageException(
                        StorageException.Reason.REJECTED, "The bucket no longer holds " + pending.castKey() + "."));
                try (InputStream in = target.getRange(pending.castKey(), 0, Math.max(0, head.size() - 1))) {
                    index(pending.sessionId(), in);
                    indexed++;
                }
            } catch (IOException | RecordingFormatException | RuntimeException e) {
                failed(pending.sessionId(), e);
            }
        }
        return indexed;
    }

    private void index(long sessionId, InputStream cast) throws IOException, RecordingFormatException {
        List<ScreenLines.Line> lines = ScreenLines.of(cast);
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> repository.store(sessionId, lines, now));
    }

    private void failed(long sessionId, Exception e) {
        Instant now = clock.instant();
        int failures = repository.failures(sessionId) + 1;
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 12));
        repository.failed(sessionId, String.valueOf(e.getMessage()),
                now.plus(delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay));
        log.warn("Search cannot index the recording of session #{} yet (attempt {}): {}", sessionId, failures,
                e.toString());
    }
}
