package io.airlock.server.session;

import io.airlock.server.recording.RecordingStatus;
import java.time.Instant;

/**
 * A row of session history.
 *
 * @param recordingDetail what the recording's status means right now (a step, a reason); may be null
 * @param recordingProgress percent of the current step, while it is PROCESSING; else null
 */
public record SessionRecord(long id, long userId, String username, String clientAddress, long groupId,
        String groupName, long assetId, String assetName, long methodId, String protocol, String host, int port,
        boolean enforceRecording, RecordingStatus recordingStatus, String recordingDetail, Integer recordingProgress,
        Instant startedAt, Instant endedAt, EndReason endReason,
        String endDetail, String endedBy, long bytesToEquipment, long bytesFromEquipment) {
}
