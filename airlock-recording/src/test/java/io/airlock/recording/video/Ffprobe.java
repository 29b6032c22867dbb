package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Debian's ffprobe/ffmpeg as an independent judge of the videos the transcoder writes. */
final class Ffprobe {

    private Ffprobe() {
    }

    /** The stream's properties, key=value as ffprobe prints them. */
    static Map<String, String> stream(Path video) {
        Map<String, String> values = new HashMap<>();
        for (String line : run("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_packets",
                "-show_entries", "stream=codec_name,profile,width,height,pix_fmt,r_frame_rate,avg_frame_rate,nb_frames,nb_read_packets,duration",
                "-of", "default=noprint_wrappers=1", video.toString()).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return values;
    }

    /** One packet (encoded frame) of the video stream. */
    record Packet(double time, int size, boolean keyframe) {
    }

    /** The video stream's packets in file order. */
    static List<Packet> packets(Path video) {
        List<Packet> packets = new ArrayList<>();
        for (String line : run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "packet=pts_time,size,flags", "-of", "csv=p=0", video.toString()).split("\n")) {
            String[] fields = line.trim().split(",");
            if (fields.length >= 3) {
                packets.add(new Packet(Double.parseDouble(fields[0]), Integer.parseInt(fields[1]),
                        fields[2].startsWith("K")));
            }
        }
        return packets;
    }

    /** Presentation times of the keyframes, in seconds. */
    static List<Double> keyframeTimes(Path video) {
        return packets(video).stream().filter(Packet::keyframe).map(Packet::time).toList();
    }

    /** The frame shown at {@code seconds}, decoded by ffmpeg to 0xRRGGBB pixels of 640x480. */
    static int[] frameAt(Path video, double seconds) {
        byte[] rgb = runBytes("ffmpeg", "-v", "error", "-ss", Double.toString(seconds), "-i", video.toString(),
                "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-");
        assertThat(rgb).as("decoded frame bytes").hasSize(640 * 480 * 3);
        int[] pixels = new int[640 * 480];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | rgb[3 * i + 2] & 0xff;
        }
        return pixels;
    }

    /** The MP4's top-level box types in file order. */
    static List<String> topLevelBoxes(Path video) throws IOException {
        List<String> boxes = new ArrayList<>();
        try (FileChannel file = FileChannel.open(video)) {
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (position < file.size()) {
                header.clear();
                file.read(header, position);
                header.flip();
                long size = header.getInt() & 0xffffffffL;
                byte[] type = new byte[4];
                header.get(type);
                if (size == 1) {
                    size = header.getLong();
                } else if (size == 0) {
                    size = file.size() - position;
                }
                boxes.add(new String(type, StandardCharsets.US_ASCII));
                if (size < 8) {
                    fail("corrupt box " + boxes.getLast() + " at " + position);
                }
                position += size;
            }
        }
        return boxes;
    }

    private static String run(String... command) {
        return new String(runBytes(command), StandardCharsets.UTF_8);
    }

    private static byte[] runBytes(String... command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return fail(command[0] + " is missing: these tests check videos with Debian's ffmpeg package"
                    + " (apt-get install ffmpeg; ./airlock test installs it)");
        }
        try (InputStream out = process.getInputStream()) {
            var bytes = new ByteArrayOutputStream();
            out.transferTo(bytes);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " failed");
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            return fail(command[0] + " could not be read: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
