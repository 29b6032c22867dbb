package io.airlock.server.history;

import io.airlock.server.recording.RecordingAudit;
import io.airlock.server.session.SessionRecord;
import io.airlock.server.session.SessionRecordRepository;
import io.airlock.server.web.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Access Management → Session History: every session attempt, newest first. */
@RestController
class HistoryController {

    static final int MAX_ROWS = 1000;

    private final HistoryQueries queries;
    private final HistoryPages pages;

    HistoryController(HistoryQueries queries, HistoryPages pages) {
        this.queries = queries;
        this.pages = pages;
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

    @GetMapping("/api/history")
    List<HistoryRow> list(@RequestParam(defaultValue = "false") boolean recordedOnly,
            @RequestParam(defaultValue = "200") int limit) {
        return queries.list(recordedOnly, Math.max(1, Math.min(MAX_ROWS, limit)));
    }

    /**
     * Session History over the whole history: filtered, sorted and paged by the database. The parameters
     * are those of {@link HistoryQuery#PARAMETERS}, as the page keeps them in its URL.
     */
    @GetMapping("/api/sessions")
    HistoryPages.SessionPage sessions(@RequestParam Map<String, String> params) {
        return pages.page(HistoryQuery.parse(params));
    }

    @GetMapping("/api/history/{id}")
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

        @PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'ACCESS_ADMIN')")
        List<HistoryRow> list(boolean recordedOnly, int limit) {
            return (recordedOnly ? records.recentRecorded(limit) : records.recent(limit)).stream()
                    .map(HistoryRow::of).toList();
        }
    }
}
