package io.airlock.server.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What Debian's ffprobe says about a video's first stream (codec_name, profile, width, height, pix_fmt, ...). */
public final class VideoProbe {

    private VideoProbe() {
    }

    /**
     * The picture shown {@code seconds} before the video's end, as Debian's ffmpeg decodes it: 0xRRGGBB
     * per pixel, row by row.
     */
    public static int[] frameBeforeEnd(Path video, double seconds, int width, int height) {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-sseof", "-" + seconds, "-i", video.toString(),
                    "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-").start();
            byte[] rgb = p.getInputStream().readAllBytes();
            String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || rgb.length != width * height * 3) {
                throw new IllegalStateException("ffmpeg gave " + rgb.length + " bytes for a frame of " + video + ": "
                        + errors);
            }
            int[] pixels = new int[width * height];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | rgb[3 * i + 2] & 0xff;
            }
            return pixels;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> stream(Path video) {
        try {
            Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                    "stream=codec_name,profile,width,height,pix_fmt,r_frame_rate", "-of", "default=nw=1",
                    video.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ffprobe failed on " + video + ": " + out);
            }
            var fields = new LinkedHashMap<String, String>();
            out.lines().filter(l -> l.contains("=")).forEach(l -> fields.put(l.substring(0, l.indexOf('=')),
                    l.substring(l.indexOf('=') + 1)));
            return fields;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
