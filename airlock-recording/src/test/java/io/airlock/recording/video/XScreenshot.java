package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.fail;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The X server's own picture of its screen, taken with {@code xwd -root} (Debian's x11-apps) and read
 * here from the XWD format: an independent judge of what a recording of that screen should show.
 *
 * @param width the root window's width
 * @param height its height
 * @param pixels 0xRRGGBB, row-major
 */
record XScreenshot(int width, int height, int[] pixels) {

    private static final int HEADER_FIELDS = 25;
    private static final int Z_PIXMAP = 2;
    private static final int COLORMAP_ENTRY = 12;

    /** Takes the screenshot of display {@code :display}. */
    static XScreenshot of(int display) throws IOException {
        return parse(xwd(display));
    }

    /** The screenshot scaled into the evidence video's 640x480 letterbox as the transcoder places a screen. */
    int[] inEvidenceLetterbox() {
        int videoWidth = VideoSpec.EVIDENCE.width();
        int videoHeight = VideoSpec.EVIDENCE.height();
        Placement placement = Placement.fit(width, height, videoWidth, videoHeight);
        BufferedImage screen = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        screen.setRGB(0, 0, width, height, pixels, 0, width);
        BufferedImage video = new BufferedImage(videoWidth, videoHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = video.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(screen, placement.x(), placement.y(), placement.width(), placement.height(), null);
        g.dispose();
        int[] letterboxed = video.getRGB(0, 0, videoWidth, videoHeight, null, 0, videoWidth);
        return Arrays.stream(letterboxed).map(pixel -> pixel & 0xffffff).toArray();
    }

    boolean sameAs(XScreenshot other) {
        return width == other.width && height == other.height && Arrays.equals(pixels, other.pixels);
    }

    /** Reads a Z-pixmap XWD dump of a true-colour screen (what xwd writes for a 24-bit display). */
    static XScreenshot parse(byte[] xwd) {
        ByteBuffer in = ByteBuffer.wrap(xwd);
        int[] header = new int[HEADER_FIELDS];
        for (int i = 0; i < HEADER_FIELDS; i++) {
            header[i] = in.getInt();
        }
        int headerSize = header[0];
        int format = header[2];
        int width = header[4];
        int height = header[5];
        boolean lsbFirst = header[7] == 0;
        int bitsPerPixel = header[11];
        int bytesPerLine = header[12];
        int redMask = header[14];
        int greenMask = header[15];
        int blueMask = header[16];
        int colors = header[19];
        if (format != Z_PIXMAP || bitsPerPixel != 32) {
            throw new IllegalArgumentException("an XWD dump of format " + format + " with " + bitsPerPixel
                    + " bits per pixel; expected a 32-bit Z pixmap");
        }
        ByteBuffer image = ByteBuffer.wrap(xwd, headerSize + colors * COLORMAP_ENTRY, bytesPerLine * height).slice()
                .order(lsbFirst ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value = image.getInt(y * bytesPerLine + x * 4);
                pixels[y * width + x] = component(value, redMask) << 16 | component(value, greenMask) << 8
                        | component(value, blueMask);
            }
        }
        return new XScreenshot(width, height, pixels);
    }

    /** The 8-bit value under {@code mask} (masks of 8 bits each on a 24-bit screen). */
    private static int component(int value, int mask) {
        return (value & mask) >>> Integer.numberOfTrailingZeros(mask) & 0xff;
    }

    private static byte[] xwd(int display) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder("xwd", "-root", "-silent", "-display", ":" + display)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return fail("xwd is missing: these tests take the X server's screenshot with Debian's x11-apps"
                    + " (scripts/peers.sh start installs it)");
        }
        try (InputStream out = process.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            out.transferTo(bytes);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail("xwd -root -display :" + display + " failed");
            }
            return bytes.toByteArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
