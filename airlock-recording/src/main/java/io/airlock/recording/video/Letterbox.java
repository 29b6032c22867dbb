package io.airlock.recording.video;

import static io.airlock.recording.video.VideoException.check;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR0;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_POINT;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The video picture: a yuv420p frame of the video's size into which the renderer's RGB frames are
 * converted, scaled to fit and centred on black. It is converted only when the screen changed; in
 * between, the same frame is handed to the encoder again.
 */
final class Letterbox implements AutoCloseable {

    private static final int BLACK_LUMA = 16;
    private static final int NEUTRAL_CHROMA = 128;

    private final VideoSpec spec;
    private AVFrame frame;
    private final Scaler scaler = new Scaler();
    /** Scales one strip of rows, and the last (shorter) one, when only part of a frame changed. */
    private final Scaler stripScaler = new Scaler();
    private final Scaler lastStripScaler = new Scaler();
    private IntPointer source;
    /** The arguments of every sws_scale call, allocated once: a frame may take a dozen calls. */
    private final PointerPointer<Pointer> sourcePlanes = new PointerPointer<>(1);
    private final PointerPointer<Pointer> videoPlanes = new PointerPointer<>(3);
    private final IntPointer sourceStride = new IntPointer(1);
    private final IntPointer videoStrides = new IntPointer(3);
    private Placement placement;
    /** The frame size and scaling the picture was last drawn with; a change redraws it whole. */
    private int drawnWidth;
    private int drawnHeight;

    private Letterbox(VideoSpec spec) {
        this.spec = spec;
    }

    static Letterbox create(VideoSpec spec) throws VideoException {
        Letterbox letterbox = new Letterbox(spec);
        try {
            letterbox.frame = av_frame_alloc();
            if (letterbox.frame == null) {
                throw new VideoException("allocating a video frame failed");
            }
            letterbox.frame.format(AV_PIX_FMT_YUV420P);
            letterbox.frame.width(spec.width());
            letterbox.frame.height(spec.height());
            check(av_frame_get_buffer(letterbox.frame, 0), "allocating a video frame");
            letterbox.fillBlack();
            return letterbox;
        } catch (VideoException | RuntimeException e) {
            letterbox.close();
            throw e;
        }
    }

    /** {@return the current picture} */
    AVFrame frame() {
        return frame;
    }

    /**
     * Replaces the picture with an RGB frame.
     *
     * @param pixels 0xRRGGBB values, row-major
     * @param width frame width
     * @param height frame height
     */
    void draw(int[] pixels, int width, int height) throws VideoException {
        draw(pixels, width, height, 0, height);
    }

    /**
     * Replaces the picture with an RGB frame of which only rows {@code [from, to)} differ from the frame
     * drawn last. Only the strips of rows around them are converted and scaled, each on its own: a large
     * desktop where a line of text changed costs a strip, not the screen. Strips start where a source row
     * boundary meets a video row boundary (an even one, for the half-height chroma planes), so an area
     * downscale of a strip reads the same source rows as a downscale of the whole frame.
     */
    void draw(int[] pixels, int width, int height, int from, int to) throws VideoException {
        // The encoder may still hold a reference to the previous picture; never write into that one.
        check(av_frame_make_writable(frame), "preparing a video frame");
        Placement fit = Placement.fit(width, height, spec.width(), spec.height());
        if (!fit.equals(placement)) {
            fillBlack();
            placement = fit;
        }
        int flags = !fit.scales(width, height) ? SWS_POINT
                : fit.width() < width ? SWS_AREA : SWS_BICUBIC;
        Strips strips = Strips.of(height, fit.height(), flags != SWS_BICUBIC);
        boolean whole = width != drawnWidth || height != drawnHeight || strips == null;
        drawnWidth = width;
        drawnHeight = height;
        ensureSource((long) width * height);
        if (whole) {
            scale(scaler.to(width, height, fit.width(), fit.height(), flags), pixels, width, 0, height, fit, 0);
            return;
        }
        for (int strip = Math.max(0, from) / strips.source(); strip * strips.source() < Math.min(to, height);
                strip++) {
            int top = strip * strips.source();
            int rows = Math.min(strips.source(), height - top);
            int videoRows = rows == strips.source() ? strips.video() : fit.height() - strip * strips.video();
            Scaler rowsScaler = rows == strips.source() ? stripScaler : lastStripScaler;
            scale(rowsScaler.to(width, rows, fit.width(), videoRows, flags), pixels, width, top, rows, fit,
                    strip * strips.video());
        }
    }

    /** Rows of the source and of the video that make up one strip. */
    record Strips(int source, int video) {

        /** Video rows per strip, about: small enough to skip most of a screen, large enough to be cheap. */
        private static final int TARGET_VIDEO_ROWS = 32;

        /**
         * The strips for a frame of {@code height} rows shown on {@code videoHeight}, or null where a frame
         * is better drawn whole: an upscale (its filter reaches into the neighbouring strips) or a ratio so
         * odd that a strip would be half the frame.
         */
        static Strips of(int height, int videoHeight, boolean local) {
            if (!local) {
                return null;
            }
            int gcd = java.math.BigInteger.valueOf(height).gcd(java.math.BigInteger.valueOf(videoHeight)).intValue();
            long sourceUnit = height / gcd;
            long videoUnit = videoHeight / gcd;
            if (videoUnit % 2 != 0) {
                sourceUnit *= 2;
                videoUnit *= 2;
            }
            long units = Math.max(1, TARGET_VIDEO_ROWS / videoUnit);
            long source = sourceUnit * units;
            if (source * 2 > height) {
                return null;
            }
            return new Strips((int) source, (int) (videoUnit * units));
        }
    }

    private void ensureSource(long count) {
        if (source == null || source.capacity() < count) {
            if (source != null) {
                source.close();
            }
            source = new IntPointer(count);
        }
    }

    /** Converts rows {@code [top, top + rows)} into the picture from video row {@code videoTop} of the fit. */
    private void scale(SwsContext context, int[] pixels, int width, int top, int rows, Placement fit, int videoTop)
            throws VideoException {
        // 0x00RRGGBB ints lie in memory as B, G, R, 0 on this little-endian platform: BGR0, no conversion.
        source.position(0).put(pixels, top * width, rows * width);
        source.position(0);
        int y = fit.y() + videoTop;
        sourcePlanes.put(0, source);
        sourceStride.put(0, width * 4);
        videoPlanes.put(0, plane(0, fit.x(), y)).put(1, plane(1, fit.x() / 2, y / 2))
                .put(2, plane(2, fit.x() / 2, y / 2));
        videoStrides.put(0, frame.linesize(0)).put(1, frame.linesize(1)).put(2, frame.linesize(2));
        check(sws_scale(context, sourcePlanes, sourceStride, 0, rows, videoPlanes, videoStrides), "scaling a frame");
    }

    private Pointer plane(int index, int x, int y) {
        BytePointer data = frame.data(index);
        return data.getPointer((long) y * frame.linesize(index) + x);
    }

    private void fillBlack() {
        Pointer.memset(frame.data(0), BLACK_LUMA, (long) frame.linesize(0) * spec.height());
        Pointer.memset(frame.data(1), NEUTRAL_CHROMA, (long) frame.linesize(1) * (spec.height() / 2));
        Pointer.memset(frame.data(2), NEUTRAL_CHROMA, (long) frame.linesize(2) * (spec.height() / 2));
    }

    @Override
    public void close() {
        scaler.close();
        stripScaler.close();
        lastStripScaler.close();
        sourcePlanes.close();
        videoPlanes.close();
        sourceStride.close();
        videoStrides.close();
        if (source != null) {
            source.close();
            source = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
    }

    /**
     * A swscale context and the conversion it was made for, made anew only when that changes. FFmpeg's own
     * sws_getCachedContext rebuilt the context on every call here (a fifth of a dense recording's
     * transcode went into it), and one frame may take a dozen calls, one per strip.
     */
    private static final class Scaler implements AutoCloseable {
        private SwsContext context;
        private int sourceWidth;
        private int sourceHeight;
        private int videoWidth;
        private int videoHeight;
        private int flags;

        SwsContext to(int sourceWidth, int sourceHeight, int videoWidth, int videoHeight, int flags)
                throws VideoException {
            if (context == null || sourceWidth != this.sourceWidth || sourceHeight != this.sourceHeight
                    || videoWidth != this.videoWidth || videoHeight != this.videoHeight || flags != this.flags) {
                close();
                context = sws_getContext(sourceWidth, sourceHeight, AV_PIX_FMT_BGR0, videoWidth, videoHeight,
                        AV_PIX_FMT_YUV420P, flags, null, null, (DoublePointer) null);
                if (context == null) {
                    throw new VideoException("no scaler for " + sourceWidth + "x" + sourceHeight + " to "
                            + videoWidth + "x" + videoHeight);
                }
                this.sourceWidth = sourceWidth;
                this.sourceHeight = sourceHeight;
                this.videoWidth = videoWidth;
                this.videoHeight = videoHeight;
                this.flags = flags;
            }
            return context;
        }

        @Override
        public void close() {
            if (context != null) {
                sws_freeContext(context);
                context = null;
            }
        }
    }
}
