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
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
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
    private SwsContext scaler;
    private IntPointer source;
    private Placement placement;

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
        // The encoder may still hold a reference to the previous picture; never write into that one.
        check(av_frame_make_writable(frame), "preparing a video frame");
        Placement fit = Placement.fit(width, height, spec.width(), spec.height());
        if (!fit.equals(placement)) {
            fillBlack();
            placement = fit;
        }
        int flags = !fit.scales(width, height) ? SWS_POINT
                : fit.width() < width ? SWS_AREA : SWS_BICUBIC;
        scaler = sws_getCachedContext(scaler, width, height, AV_PIX_FMT_BGR0, fit.width(), fit.height(),
                AV_PIX_FMT_YUV420P, flags, null, null, (DoublePointer) null);
        if (scaler == null) {
            throw new VideoException("no scaler for " + width + "x" + height + " to " + fit.width() + "x" + fit.height());
        }
        long count = (long) width * height;
        if (source == null || source.capacity() < count) {
            if (source != null) {
                source.close();
            }
            source = new IntPointer(count);
        }
        // 0x00RRGGBB ints lie in memory as B, G, R, 0 on this little-endian platform: BGR0, no conversion.
        source.position(0).put(pixels, 0, (int) count);
        int[] dstStride = {frame.linesize(0), frame.linesize(1), frame.linesize(2)};
        try (PointerPointer<Pointer> src = new PointerPointer<>(new Pointer[] {source});
                PointerPointer<Pointer> dst = new PointerPointer<>(new Pointer[] {
                        plane(0, fit.x(), fit.y()), plane(1, fit.x() / 2, fit.y() / 2), plane(2, fit.x() / 2, fit.y() / 2)});
                IntPointer srcStride = new IntPointer(new int[] {width * 4});
                IntPointer dstStrides = new IntPointer(dstStride)) {
            check(sws_scale(scaler, src, srcStride, 0, height, dst, dstStrides), "scaling a frame");
        }
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
        if (scaler != null) {
            sws_freeContext(scaler);
            scaler = null;
        }
        if (source != null) {
            source.close();
            source = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
    }
}
