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
