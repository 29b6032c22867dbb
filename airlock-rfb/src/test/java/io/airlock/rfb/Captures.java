package io.airlock.rfb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The updates captured from the TigerVNC peer, each a full screen of its xterm in one pixel format and
 * encoding: ServerInit with the pixel format in use, then the server's messages as they arrived.
 * {@link #main} captures them again (with the peer's variables set).
 */
final class Captures {

    static final Path DIRECTORY = Path.of("src", "test", "resources", "captures");

    static final PixelFormat RGB565 = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
    static final PixelFormat BGR233 = new PixelFormat(8, 8, false, true, 7, 7, 3, 0, 3, 6);
    static final PixelFormat RGB888_BIG_ENDIAN = new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0);

    record Spec(PixelFormat format, List<Integer> encodings, boolean lossless) {
    }

    /** Name → what was asked for. Tight quality 8 lets the server choose JPEG. */
    static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("raw", new Spec(PixelFormat.RGB888, List.of(Encodings.RAW), true)),
            Map.entry("raw-rgb565", new Spec(RGB565, List.of(Encodings.RAW), true)),
            Map.entry("raw-bgr233", new Spec(BGR233, List.of(Encodings.RAW), true)),
            Map.entry("rre", new Spec(PixelFormat.RGB888, List.of(Encodings.RRE), true)),
            Map.entry("hextile", new Spec(PixelFormat.RGB888, List.of(Encodings.HEXTILE), true)),
            Map.entry("hextile-rgb565", new Spec(RGB565, List.of(Encodings.HEXTILE), true)),
            Map.entry("zrle", new Spec(PixelFormat.RGB888, List.of(Encodings.ZRLE), true)),
            Map.entry("zrle-big-endian", new Spec(RGB888_BIG_ENDIAN, List.of(Encodings.ZRLE), true)),
            Map.entry("zrle-rgb565", new Spec(RGB565, List.of(Encodings.ZRLE), true)),
            Map.entry("zrle-cursor-extended-size", new Spec(PixelFormat.RGB888,
                    List.of(Encodings.ZRLE, Encodings.CURSOR, Encodings.EXTENDED_DESKTOP_SIZE, Encodings.LAST_RECT), true)),
            Map.entry("tight", new Spec(PixelFormat.RGB888, List.of(Encodings.TIGHT), true)),
            Map.entry("tight-rgb565", new Spec(RGB565, List.of(Encodings.TIGHT), true)),
            Map.entry("tight-jpeg", new Spec(PixelFormat.RGB888,
                    List.of(Encodings.TIGHT, Encodings.JPEG_QUALITY_0 + 8, Encodings.COMPRESS_LEVEL_0 + 9), false)));

    private Captures() {
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(DIRECTORY.resolve(name + ".bin"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replays a capture into a fresh framebuffer. */
    static Framebuffer replay(byte[] capture) throws IOException {
        InputStream in = new ByteArrayInputStream(capture);
        ServerInit init = ServerInit.read(in);
        Framebuffer framebuffer = init.newFramebuffer(init.pixelFormat());
        try (ServerMessageReader reader = new ServerMessageReader(in, framebuffer)) {
            while (reader.next().isPresent()) {
                // every message applies itself
            }
        }
        return framebuffer;
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIRECTORY);
        for (Map.Entry<String, Spec> entry : SPECS.entrySet()) {
            try (PeerSession peer = PeerSession.open()) {
                byte[] capture = peer.requestFullScreen(entry.getValue().format(), entry.getValue().encodings()).bytes();
                Files.write(DIRECTORY.resolve(entry.getKey() + ".bin"), capture);
                System.out.println(entry.getKey() + ": " + capture.length + " bytes");
            }
        }
    }
}
