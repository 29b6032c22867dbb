package io.airlock.recording.video;

import static io.airlock.recording.video.VideoException.check;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * H.264 (libx264) in an MP4 file with the index in front. Frames carry their tick on the video's time
 * grid, and only frames that differ from the one before need to be sent: the gaps become longer samples
 * in the MP4, so idle time costs no encoding, and every timestamp stays a whole number of frame periods
 * (which is how players and ffprobe still see the nominal frame rate).
 */
final class Mp4Encoder implements FrameSink, AutoCloseable {

    private final VideoSpec spec;
    private AVFormatContext container;
    private AVCodecContext codec;
    private AVStream stream;
    private AVPacket packet;
    private long lastTick = -1;
    private long frames;

    private Mp4Encoder(VideoSpec spec) {
        this.spec = spec;
    }

    /** Creates {@code file} owner-only (replacing it) and gets it ready for the first frame. */
    static Mp4Encoder create(Path file, VideoSpec spec, X264Settings settings) throws VideoException {
        FfmpegLog.quiet();
        try {
            // FFmpeg would create it with the process's umask; opened for writing, it keeps these permissions.
            VideoFile.createOwnerOnly(file);
        } catch (IOException e) {
            throw new VideoException("creating " + file + " failed: " + e.getMessage());
        }
        Mp4Encoder encoder = new Mp4Encoder(spec);
        try {
            encoder.open(file, settings);
            return encoder;
        } catch (VideoException | RuntimeException e) {
            encoder.close();
            throw e;
        }
    }

    private void open(Path file, X264Settings settings) throws VideoException {
        // "file:" keeps a colon in the path from being read as another protocol.
        String url = "file:" + file.toAbsolutePath();
        AVFormatContext oc = new AVFormatContext(null);
        check(avformat_alloc_output_context2(oc, null, "mp4", url), "creating the MP4 container");
        container = oc;

        AVCodec h264 = avcodec_find_encoder_by_name("libx264");
        if (h264 == null) {
            throw new VideoException("this FFmpeg build has no libx264 encoder");
        }
        codec = avcodec_alloc_context3(h264);
        if (codec == null) {
            throw new VideoException("allocating the H.264 encoder failed");
        }
        codec.width(spec.width());
        codec.height(spec.height());
        codec.pix_fmt(AV_PIX_FMT_YUV420P);
        codec.time_base(av_make_q(1, spec.framesPerSecond()));
        codec.framerate(av_make_q(spec.framesPerSecond(), 1));
        // Keyframes are the scheduler's to place; x264 counts frames, never more than ticks, so with the
        // longest distance as its limit it never adds one of its own.
        codec.gop_size(spec.idleKeyframeTicks());
        codec.max_b_frames(0);
        codec.thread_count(settings.threads());
        // Say which YUV matrix the frames use, so players turn them back into the renderer's colours.
        codec.color_range(AVCOL_RANGE_MPEG);
        codec.colorspace(AVCOL_SPC_SMPTE170M);
        codec.color_primaries(AVCOL_PRI_SMPTE170M);
        codec.color_trc(AVCOL_TRC_SMPTE170M);
        if ((oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            codec.flags(codec.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary options = new AVDictionary(null);
        try {
            av_dict_set(options, "preset", settings.preset(), 0);
            if (settings.tune() != null) {
                av_dict_set(options, "tune", settings.tune(), 0);
            }
            av_dict_set(options, "crf", Integer.toString(settings.crf()), 0);
            av_dict_set(options, "profile", "high", 0);
            // A keyframe the transcoder asks for must be an IDR picture, or seeking could not start there.
            av_dict_set(options, "forced-idr", "1", 0);
            if (!settings.params().isEmpty()) {
                av_dict_set(options, "x264-params", settings.params(), 0);
            }
            check(avcodec_open2(codec, h264, options), "opening the H.264 encoder");
        } finally {
            av_dict_free(options);
        }

        stream = avformat_new_stream(oc, null);
        if (stream == null) {
            throw new VideoException("adding the video stream failed");
        }
        stream.time_base(codec.time_base());
        stream.avg_frame_rate(codec.framerate());
        check(avcodec_parameters_from_context(stream.codecpar(), codec), "describing the video stream");

        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, url, AVIO_FLAG_WRITE), "creating " + file);
        oc.pb(io);
        AVDictionary muxing = new AVDictionary(null);
        try {
            // The index (moov) goes in front so a browser can play and seek while downloading.
            av_dict_set(muxing, "movflags", "+faststart", 0);
            check(avformat_write_header(oc, muxing), "writing the MP4 header");
        } finally {
            av_dict_free(muxing);
        }
        packet = av_packet_alloc();
        if (packet == null) {
            throw new VideoException("allocating a packet failed");
        }
    }

    @Override
    public void picture(AVFrame picture, long tick, boolean keyframe) throws VideoException {
        if (tick <= lastTick) {
            throw new IllegalArgumentException("tick " + tick + " does not follow " + lastTick);
        }
        picture.pts(tick);
        picture.pict_type(keyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE);
        check(avcodec_send_frame(codec, picture), "encoding a frame");
        lastTick = tick;
        frames++;
        writePackets();
    }

    /** Flushes the encoder and writes the index; the file is complete afterwards. */
    void finish() throws VideoException {
        check(avcodec_send_frame(codec, null), "flushing the encoder");
        writePackets();
        check(av_write_trailer(container), "writing the MP4 index");
    }

    /** {@return frames sent to the encoder} */
    long frames() {
        return frames;
    }

    private void writePackets() throws VideoException {
        while (true) {
            int result = avcodec_receive_packet(codec, packet);
            if (result == AVERROR_EAGAIN() || result == AVERROR_EOF) {
                return;
            }
            check(result, "encoding a frame");
            // A sample lasts until the next one; the last one lasts one frame, the transcoder makes sure
            // a frame sits on the recording's last tick.
            packet.duration(1);
            av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(container, packet), "writing to the MP4 file");
        }
    }

    @Override
    public void close() {
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        if (container != null) {
            if (container.pb() != null) {
                avio_closep(container.pb());
                container.pb(null);
            }
            avformat_free_context(container);
            container = null;
        }
    }
}
