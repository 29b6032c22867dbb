package io.airlock.server.recording;

import io.airlock.recording.asciicast.AsciicastEvent;
import io.airlock.recording.video.BackgroundPriority;
import io.airlock.recording.video.LiveTranscode;
import io.airlock.recording.video.TranscodeResult;
import io.airlock.recording.video.VideoException;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encodes a recorded session's video while the session runs, so that Recorded turns Yes moments after it
 * closes instead of after a transcode of the whole hour. Each live video has its own thread fed through a
 * bounded queue: the session never waits for the encoder. A session finds no free encoder (the node's
 * limit), or its encoder falls behind or fails: then the video is made from the spool file after the
 * session, as after a crash. The spool file stays the source of truth either way.
 */
@Component
public class LiveVideos {

    private static final Logger log = LoggerFactory.getLogger(LiveVideos.class);
    /** Events waiting for the encoder; a session that outruns it by this much falls back to the spool. */
    public static final int QUEUE = 8192;
    /** Text waiting for the encoder, in characters (about a second of the densest output a session sends). */
    public static final long QUEUE_CHARS = 8L * 1024 * 1024;

    private final Semaphore encoders;
    private final RecordingSpool spool;
    private final RecordingRepository recordings;
    private final Clock clock;
    private final EvidenceTranscoder transcoder;

    LiveVideos(RecordingSpool spool, RecordingRepository recordings, Clock clock, EvidenceTranscoder transcoder,
            @Value("${airlock.recording.live-encoders:24}") int encoders) {
        this.transcoder = transcoder;
        this.spool = spool;
        this.recordings = recordings;
        this.clock = clock;
        this.encoders = new Semaphore(Math.max(0, encoders));
    }

    /** A live video for a session that starts recording now, or empty when none can be had. */
    public Optional<LiveVideo> begin(long sessionId, int columns, int rows) {
        if (!encoders.tryAcquire()) {
            return Optional.empty();
        }
        try {
            LiveTranscode transcode = transcoder.get().live(columns, rows, spool.videoFile(sessionId));
            return Optional.of(new LiveVideo(sessionId, transcode));
        } catch (VideoException | RuntimeException e) {
            encoders.release();
            log.warn("Session #{} is encoded after it ends: the live encoder did not start ({})", sessionId,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** One session's video in the making. */
    public final class LiveVideo {
        private static final AsciicastEvent END = new AsciicastEvent.Marker(-1, "end");
        private final long sessionId;
        private final LiveTranscode transcode;
        private final EventBacklog queue = new EventBacklog(QUEUE, QUEUE_CHARS);
        private final Thread thread;
        private volatile boolean abandoned;
        private volatile String failure;
        private boolean released;

        private LiveVideo(long sessionId, LiveTranscode transcode) {
            this.sessionId = sessionId;
            this.transcode = transcode;
            // A platform thread, time-sliced by the operating system: emulating and drawing dense output keeps
            // it busy without blocking, and a virtual thread would hold one of the few carriers that every
            // session's pump and socket share until its queue ran dry. It runs behind those carriers, at
            // background priority, so two dozen encoders never delay a keystroke's echo.
            this.thread = Thread.ofPlatform().daemon().name("live-video-" + sessionId).start(this::encode);
        }

        /** Events given and not yet encoded. */
        public int backlog() {
            return queue.size();
        }

        /** Whether the events waiting fill more than half of either bound of the queue. */
        public boolean halfFull() {
            return queue.size() > QUEUE / 2 || queue.chars() > QUEUE_CHARS / 2;
        }

        /** Gives the encoder an event as written to the spool; never blocks. */
        public void offer(AsciicastEvent event) {
            if (!abandoned && !queue.offer(event)) {
                abandon("the encoder fell behind the session");
            }
        }

        private void encode() {
            BackgroundPriority.lowerCurrentThread();
            try {
                AsciicastEvent event;
                while (!abandoned && (event = queue.take()) != END) {
                    transcode.accept(event);
                }
            } catch (VideoException | RuntimeException e) {
                failure = e.getMessage();
                abandoned = true;
            } catch (InterruptedException e) {
                abandoned = true;
            }
        }

        /**
         * Completes the video once the spool file is closed. On success the video is in place in the spool
         * and the pipeline will not transcode again; otherwise the pipeline makes it from the spool file.
         */
        public synchronized void finish() {
            if (released) {
                return;
            }
            try {
                if (!abandoned) {
                    queue.put(END);
                    thread.join(TimeUnit.MINUTES.toMillis(2));
                }
                if (abandoned || thread.isAlive()) {
                    fallBack(failure != null ? failure : "the encoder did not finish in time");
                    return;
                }
                TranscodeResult result = transcode.finish(); // moves the whole video into place
                recordings.event(sessionId, clock.instant(), "TRANSCODED", "Encoded while the session ran: H.264 "
                        + "640x480 25 fps, " + String.format(Locale.ROOT, "%.1f", result.duration().toMillis() / 1000.0)
                        + " s, " + result.frames() + " frames, " + result.bytes() + " bytes.");
            } catch (VideoException | IOException | RuntimeException e) {
                fallBack(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fallBack("interrupted");
            } finally {
                release();
            }
        }

        /** Stops encoding; the video is made from the spool file after the session. */
        public void abandon(String why) {
            if (!abandoned) {
                abandoned = true;
                thread.interrupt();
                log.info("Session #{} is encoded after it ends instead of live: {}", sessionId, why);
            }
        }

        private void fallBack(String why) {
            abandon(why);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void release() {
            if (!released) {
                released = true;
                if (thread.isAlive()) {
                    // Freeing the encoder under a thread still inside it would crash the process: leak it instead.
                    log.warn("The live encoder of session #{} did not stop; its memory is not freed", sessionId);
                } else {
                    transcode.close(); // deletes an unfinished video
                }
                encoders.release();
            }
        }
    }
}
