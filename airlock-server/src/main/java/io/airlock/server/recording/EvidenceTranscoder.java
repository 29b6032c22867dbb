package io.airlock.server.recording;

import io.airlock.recording.video.AsciicastTranscoder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The transcoder every recorded session's video is made with, live or after the session: the evidence
 * format, at a constant frame rate when {@code AIRLOCK_VIDEO_CONSTANT_FRAME_RATE} asks for one (for
 * evidence and editing tools that require it; more time and bytes per idle hour). It encodes on one thread:
 * the gateway's videos are made on the cores its sessions run on.
 */
@Component
class EvidenceTranscoder {

    private final AsciicastTranscoder transcoder;

    EvidenceTranscoder(@Value("${airlock.recording.constant-frame-rate:false}") boolean constantFrameRate) {
        AsciicastTranscoder evidence = AsciicastTranscoder.evidence().onOneThread();
        this.transcoder = constantFrameRate ? evidence.withConstantFrameRate() : evidence;
    }

    AsciicastTranscoder get() {
        return transcoder;
    }
}
