package io.airlock.server.recording;

import io.airlock.recording.RecordingFormatException;
import io.airlock.recording.fbs.FbsPlayback;
import io.airlock.recording.video.AsciicastTranscoder;
import io.airlock.recording.video.FbsTranscoder;
import io.airlock.recording.video.TranscodeProgress;
import io.airlock.recording.video.TranscodeResult;
import io.airlock.recording.video.VideoException;
import java.io.IOException;
import java.nio.file.Path;
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
    private final FbsTranscoder desktops;

    EvidenceTranscoder(@Value("${airlock.recording.constant-frame-rate:false}") boolean constantFrameRate) {
        AsciicastTranscoder evidence = AsciicastTranscoder.evidence().onOneThread();
        FbsTranscoder desktopEvidence = FbsTranscoder.evidence().onOneThread();
        this.transcoder = constantFrameRate ? evidence.withConstantFrameRate() : evidence;
        this.desktops = constantFrameRate ? desktopEvidence.withConstantFrameRate() : desktopEvidence;
    }

    /** The terminal transcoder, which also encodes a terminal session's video while it runs. */
    AsciicastTranscoder get() {
        return transcoder;
    }

    /** Transcodes a finished recording of either kind, told apart by its first bytes. */
    TranscodeResult transcode(Path recording, Path video, TranscodeProgress progress)
            throws IOException, RecordingFormatException, VideoException {
        return FbsPlayback.isFbs(recording) ? desktops.transcode(recording, video, progress)
                : transcoder.transcode(recording, video, progress);
    }
}
