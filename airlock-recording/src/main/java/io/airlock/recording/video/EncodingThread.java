package io.airlock.recording.video;

import static io.airlock.recording.video.VideoException.check;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Hands pictures to the encoder on a thread of its own, so that replaying and drawing the next screen
 * overlaps with encoding the previous one: with two cores the transcode then takes little longer than
 * the encoding alone. Pictures are copied into a small pool of frames; when the encoder falls behind,
 * {@link #picture} waits, so memory stays bounded. The thread runs at the priority of the thread that hands it
 * pictures: at {@link BackgroundPriority background priority} on a gateway, where encoding can wait and the
 * sessions on the same cores cannot; at normal priority in a transcode of its own, where an encoder behind its
 * producer would leave x264 waiting for pictures (a dense recording took 22 s instead of 19).
 */
final class EncodingThread implements FrameSink, AutoCloseable {

    private static final int POOL = 4;

    /** A picture to encode; {@code background} when the thread that handed it over runs at background priority. */
    private record Job(AVFrame picture, long tick, boolean keyframe, boolean background) {
    }

    private static final Job END = new Job(null, -1, false, false);

    private final FrameSink encoder;
    private final BlockingQueue<AVFrame> free = new ArrayBlockingQueue<>(POOL);
    private final BlockingQueue<Job> jobs = new ArrayBlockingQueue<>(POOL + 1);
    private final AVFrame[] frames = new AVFrame[POOL];
    private final Thread thread;
    private volatile Exception failure;

    EncodingThread(FrameSink encoder, VideoSpec spec) throws VideoException {
        this.encoder = encoder;
        try {
            for (int i = 0; i < POOL; i++) {
                frames[i] = av_frame_alloc();
                if (frames[i] == null) {
                    throw new VideoException("allocating a video frame failed");
                }
                frames[i].format(AV_PIX_FMT_YUV420P);
                frames[i].width(spec.width());
                frames[i].height(spec.height());
                check(av_frame_get_buffer(frames[i], 0), "allocating a video frame");
                free.add(frames[i]);
            }
        } catch (VideoException | RuntimeException e) {
            freeFrames();
            throw e;
        }
        thread = Thread.ofPlatform().name("airlock-encoder").daemon().start(this::encode);
    }

    @Override
    public void picture(AVFrame picture, long tick, boolean keyframe) throws VideoException {
        AVFrame copy = take(free);
        check(av_frame_copy(copy, picture), "copying a frame");
        put(new Job(copy, tick, keyframe, BackgroundPriority.isCurrentThreadLowered()));
    }

    /** Waits until every picture handed over is encoded; rethrows what went wrong on the way. */
    void drain() throws VideoException {
        if (thread.isAlive()) {
            put(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VideoException("interrupted while encoding");
            }
        }
        rethrow();
    }

    private void encode() {
        try {
            while (true) {
                Job job = jobs.take();
                if (job == END) {
                    return;
                }
                if (job.background()) {
                    BackgroundPriority.lowerCurrentThread();
                }
                try {
                    if (failure == null) {
                        encoder.picture(job.picture(), job.tick(), job.keyframe());
                    }
                } finally {
                    free.add(job.picture());
                }
            }
        } catch (VideoException | RuntimeException e) {
            failure = e;
            // Keep taking jobs so the producer never blocks on a dead consumer.
            drainAfterFailure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainAfterFailure() {
        try {
            Job job;
            while ((job = jobs.take()) != END) {
                free.add(job.picture());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private AVFrame take(BlockingQueue<AVFrame> queue) throws VideoException {
        rethrow();
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VideoException("interrupted while encoding");
        }
    }

    private void put(Job job) throws VideoException {
        try {
            jobs.put(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VideoException("interrupted while encoding");
        }
    }

    private void rethrow() throws VideoException {
        Exception e = failure;
        if (e instanceof VideoException video) {
            throw video;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
    }

    /** Stops the thread (after the pictures already handed over) and frees the pool. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            jobs.offer(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                thread.interrupt();
                return; // the pool stays allocated rather than being freed under the encoder's feet
            }
        }
        freeFrames();
    }

    private void freeFrames() {
        for (int i = 0; i < POOL; i++) {
            if (frames[i] != null) {
                av_frame_free(frames[i]);
                frames[i] = null;
            }
        }
    }
}
