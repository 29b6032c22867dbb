package io.airlock.server.session;

import java.time.Instant;

/** A row of session history. */
public record SessionRecord(long id, long userId, String username, String clientAddress, long groupId,
        String groupName, long assetId, String assetName, long methodId, String protocol, String host, int port,
        boolean enforceRecording, String recordingStatus, Instant startedAt, Instant endedAt, EndReason endReason,
        String endDetail, String endedBy, long bytesToEquipment, long bytesFromEquipment) {
}
