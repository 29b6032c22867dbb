package io.airlock.server.search;

import io.airlock.server.access.AirlockPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search inside terminal recordings, for System Admins and Access Admins. */
@RestController
class RecordingSearchController {

    private final RecordingSearch search;

    RecordingSearchController(RecordingSearch search) {
        this.search = search;
    }

    /**
     * The recorded lines holding every word of {@code q} (2 to 200 characters), newest session first, each
     * with the second it first appeared in its recording.
     */
    @GetMapping("/api/recordings/search")
    RecordingSearch.RecordingMatchPage search(@RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal AirlockPrincipal me) {
        return search.search(q, page, size, me.getUsername());
    }
}
