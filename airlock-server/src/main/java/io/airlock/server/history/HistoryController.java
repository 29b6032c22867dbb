package io.airlock.server.history;

import io.airlock.server.access.AirlockPrincipal;
import io.airlock.server.recording.RecordingAudit;
import io.airlock.server.recording.RecordingDownloads;
import io.airlock.server.recording.RecordingRebuild;
import io.airlock.server.session.SessionRecord;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Access Management → Session History: every session attempt, newest first. */
@RestController
class HistoryController {

    private final HistoryQueries queries;
    private final HistoryPages pages;
    private final RecordingDownloads downloads;
    private final RecordingRebuild rebuild;

    HistoryController(HistoryQueries queries, HistoryPages pages, RecordingDownloads downloads,
            RecordingRebuild rebuild) {
        this.queries = queries;
        this.pages = pages;
        this.downloads = downloads;
        this.rebuild = rebuild;
    }

    /** Rebuild from the bucket (System Admin): recreates missing history rows from the recordings' metadata. */
    @PostMapping("/api/sessions/rebuild-from-bucket")
    RecordingRebuild.Result rebuild(@AuthenticationPrincipal AirlockPrincipal me) {
        return rebuild.rebuild(me.getUsername());
    }

    /**
     * A history row as admins see it. {@code recorded} (the seed's Recorded = Yes) turns true once the video
     * is in the bucket; {@code recordingStatus} with its detail and progress says where it stands until then.
     */
    record HistoryRow(long id, String username, String clientAddress, long groupId, String groupName, String assetName,
            String protocol, String host, int port, Instant startedAt, Instant endedAt, String endReason,
            String endReasonLabel, String endDetail, String endedBy, long bytesToEquipment, long bytesFromEquipment,
            boolean enforceRecording, String recordingStatus, String recordingDetail, Integer recordingProgress,
            boolean recorded) {

        static HistoryRow of(SessionRecord r) {
            return new HistoryRow(r.id(), r.username(), r.clientAddress(), r.groupId(), r.groupName(), r.assetName(),
                    r.protocol(), r.host(), r.port(), r.startedAt(), r.endedAt(),
                    r.endReason() == null ? null : r.endReason().name(),
                    r.endReason() == null ? null : r.endReason().label(), r.endDetail(), r.endedBy(),
                    r.bytesToEquipment(), r.bytesFromEquipment(), r.enforceRecording(), r.recordingStatus().name(),
                    r.recordingDetail(), r.recordingProgress(), r.recordingStatus().recorded());
        }
    }

    /** View Full Auditing Info: the row, and its recording's storage and timeline. */
    record AuditInfo(HistoryRow session, RecordingAudit.Info recording) {
    }

    /**
     * Session History over the whole history: filtered, sorted and paged by the database. The parameters
     * are those of {@link HistoryQuery#PARAMETERS}, as the page keeps them in its URL.
     */
    @GetMapping("/api/sessions")
    HistoryPages.SessionPage sessions(@RequestParam Map<String, String> params) {
        return pages.page(HistoryQuery.parse(params));
    }

    /**
     * View Inline Recording ({@code format=video}, the default), the terminal recording ({@code format=cast})
     * and Download Inline Recording ({@code download=true}): streamed from the bucket through the gateway, a
     * byte range at a time when the player asks for one, so it seeks without a full download and the gateway
     * never holds a whole object.
     */
    @GetMapping("/api/sessions/{id}/recording")
    void recording(@PathVariable long id, @RequestParam(defaultValue = "video") String format,
            @RequestParam(defaultValue = "false") boolean download, @AuthenticationPrincipal AirlockPrincipal me,
            @RequestHeader(value = HttpHeaders.RANGE, required = false) String rangeHeader,
            HttpServletResponse response) throws IOException {
        var kind = switch (format) {
            case "video" -> RecordingDownloads.Kind.VIDEO;
            case "cast" -> RecordingDownloads.Kind.CAST;
            default -> throw ApiException.invalidField("format", "Format is video or cast.");
        };
        HttpRange range = singleRange(rangeHeader);
        boolean opening = range == null || range.getRangeStart(Long.MAX_VALUE) == 0;
        var located = downloads.locate(id, kind, me.getUsername(), opening, download);
        long first = 0;
        long last = located.size() - 1;
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store"); // a recording may show what was typed
        if (range != null) {
            if (located.size() == 0 || range.getRangeStart(located.size()) >= located.size()) {
                response.setStatus(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE.value());
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + located.size());
                return;
            }
            first = range.getRangeStart(located.size());
            last = range.getRangeEnd(located.size());
            response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + first + "-" + last + "/" + located.size());
        }
        response.setContentType(located.contentType());
        response.setContentLengthLong(last - first + 1);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, (download ? ContentDisposition.attachment()
                : ContentDisposition.inline()).filename(located.fileName(), StandardCharsets.UTF_8).build().toString());
        if (last >= first) {
            try (InputStream in = located.store().getRange(located.key(), first, last)) {
                in.transferTo(response.getOutputStream());
            }
        }
    }

    /** The one range asked for; none (the whole object) when the header is absent, malformed or asks for several. */
    private static HttpRange singleRange(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            List<HttpRange> ranges = HttpRange.parseRanges(header);
            return ranges.size() == 1 ? ranges.getFirst() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** View Full Auditing Info for one session; numeric ids only, so a word such as live never reads as an id. */
    @GetMapping("/api/sessions/{id:\\d+}")
    AuditInfo audit(@PathVariable long id) {
        return queries.audit(id);
    }

    /** Admins review history; users do not see other people's sessions. */
    @Service
    static class HistoryQueries {
        private final SessionRecordRepository records;
        private final RecordingAudit recordings;

        HistoryQueries(SessionRecordRepository records, RecordingAudit recordings) {
            this.records = records;
            this.recordings = recordings;
        }

        @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
        AuditInfo audit(long id) {
            SessionRecord record = records.find(id)
                    .orElseThrow(() -> new ApiException(ApiException.Reason.NOT_FOUND, "No session #" + id + "."));
            return new AuditInfo(HistoryRow.of(record), recordings.of(id).orElseThrow());
        }
    }
}
