package io.airlock.server.search;

import io.airlock.server.audit.AuditLog;
import io.airlock.server.web.ApiException;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Search inside terminal recordings: the lines that hold every word of the query, newest session first.
 * Only admins search (seed: they see every recording), and every search is in the audit trail with its
 * text. Expired recordings are still found, marked EXPIRED: the bucket's retention removed the video, but
 * what the screen showed remains evidence an auditor may need, and the index is the gateway's own data.
 */
@Service
class RecordingSearch {

    static final int MIN_QUERY = 2;
    static final int MAX_QUERY = 200;
    static final int MAX_PAGE_SIZE = 100;
    /** Matches are counted up to this many; beyond it the query wants more words, not more pages. */
    static final int MAX_COUNT = 10_000;

    private final RecordingTextRepository repository;
    private final AuditLog audit;

    RecordingSearch(RecordingTextRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** One matching line: where in which recording, and what it said. */
    record RecordingMatch(long sessionId, double offsetSeconds, String line, Instant startedAt, String username,
            String assetName, String protocol, String recordingStatus) {

        static RecordingMatch of(RecordingTextRepository.Hit hit) {
            return new RecordingMatch(hit.sessionId(), hit.offsetMillis() / 1000.0, hit.line(), hit.startedAt(),
                    hit.username(), hit.assetName(), hit.protocol(), hit.recordingStatus());
        }
    }

    /**
     * A page of results and how many there are in all; {@code totalCapped} when {@code total} is only a lower
     * bound (counting stops at {@value #MAX_COUNT}, earlier for very common words on H2, and pages end there).
     */
    record RecordingMatchPage(List<RecordingMatch> items, int page, int size, long total, boolean totalCapped) {
    }

    @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
    RecordingMatchPage search(String query, int page, int size, String actor) {
        String q = query == null ? "" : query.strip();
        if (q.length() < MIN_QUERY || q.length() > MAX_QUERY) {
            throw ApiException.invalidField("q", "Search for " + MIN_QUERY + " to " + MAX_QUERY + " characters.");
        }
        if (page < 0) {
            throw ApiException.invalidField("page", "Page is 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.invalidField("size", "Size is 1 to " + MAX_PAGE_SIZE + ".");
        }
        List<String> words = Words.of(q);
        if (words.isEmpty()) {
            throw ApiException.invalidField("q", "Search for at least one word of letters or digits.");
        }
        words = words.subList(0, Math.min(words.size(), RecordingTextRepository.MAX_QUERY_WORDS));
        var count = repository.count(words, MAX_COUNT);
        boolean capped = count.atLeast();
        long total = count.total();
        List<RecordingMatch> items = (long) page * size >= total ? List.of()
                : repository.page(words, page, size).stream().map(RecordingMatch::of).toList();
        audit.record(actor, "RECORDING_SEARCH", "Searched the recordings for \"" + q + "\": " + (capped ? "at least "
                : "") + total + (total == 1 ? " line" : " lines") + " found.");
        return new RecordingMatchPage(items, page, size, total, capped);
    }
}
