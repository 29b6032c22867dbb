package io.airlock.terminal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rasterises characters into coverage masks for one cell size and keeps them, so a frame costs a lookup
 * per cell; a single character (nearly every cell) is looked up by its code point without allocating.
 *
 * <p>Glyphs come from the bundled DejaVu Sans Mono ({@code fonts/LICENSE-DejaVu.txt}) at the size that
 * makes one character one cell wide. Cells smaller than the default 8x20 (a wide terminal drawn at the
 * size the video shows it) get hinted glyphs with darkened coverage, so thin strokes keep their contrast
 * through chroma subsampling and compression. Line-drawing and block characters come from
 * {@link BoxDrawing} at every size, on whole pixels. Characters outside the font are a hollow box.
 */
final class GlyphCache {

    private static final int CAPACITY = 4096;

    /**
     * Glyphs of single code points any cache has drawn, by cell size: each session and each change of
     * terminal size starts a cache of its own, and Java 2D takes tens of microseconds a glyph (a tenth of
     * the drawing in a recording whose window changes size). Masks are never written once made. Bounded by
     * their bytes, 8 MB about, since cells may be large; when full it starts over, as a cache's own table does.
     */
    private static final Map<SharedKey, Glyph> SHARED = new ConcurrentHashMap<>();
    private static final long SHARED_BUDGET_BYTES = 8L << 20;
    private static final AtomicLong SHARED_BYTES = new AtomicLong();

    private record SharedKey(int cellWidth, int cellHeight, int key) {
    }

    /** What makes two glyphs of several code points (combining characters) differ. */
    private record Key(String text, boolean bold, boolean italic, int cells) {
    }

    private final int cellWidth;
    private final int cellHeight;
    private Outline outline;
    private final CodePointGlyphs single = new CodePointGlyphs(CAPACITY);
    private final Map<Key, Glyph> combined = new HashMap<>();

    GlyphCache(int cellWidth, int cellHeight) {
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
    }

    /** The glyph of one code point; the common case, and free of allocation once drawn. */
    Glyph glyph(int codePoint, boolean bold, boolean italic, int cells) {
        int key = codePoint | (bold ? 1 << 21 : 0) | (italic ? 1 << 22 : 0) | (cells > 1 ? 1 << 23 : 0);
        Glyph glyph = single.get(key);
        if (glyph == null) {
            SharedKey shared = new SharedKey(cellWidth, cellHeight, key);
            glyph = SHARED.get(shared);
            if (glyph == null) {
                glyph = rasterise(Character.toString(codePoint), codePoint, bold, italic, cells);
                if (SHARED_BYTES.addAndGet(glyph.alpha().length) > SHARED_BUDGET_BYTES) {
                    // Racing threads may clear twice or count a glyph the clear dropped; the bound stays rough.
                    SHARED.clear();
                    SHARED_BYTES.set(glyph.alpha().length);
                }
                SHARED.put(shared, glyph);
            }
            single.put(key, glyph);
        }
        return glyph;
    }

    /** The glyph of a character with combining marks. */
    Glyph glyph(String text, boolean bold, boolean italic, int cells) {
        if (combined.size() >= CAPACITY) {
            combined.clear();
        }
        return combined.computeIfAbsent(new Key(text, bold, italic, cells),
                key -> rasterise(text, -1, bold, italic, cells));
    }

    /** @param codePoint the character when {@code text} is a single one, else -1 */
    private Glyph rasterise(String text, int codePoint, boolean bold, boolean italic, int cells) {
        int width = cellWidth * cells;
        if (codePoint >= 0) {
            Glyph drawn = BoxDrawing.draw(codePoint, width, cellHeight);
            if (drawn != null) {
                return drawn;
            }
        }
        if (outline == null) {
            outline = new Outline(cellWidth, cellHeight);
        }
        return outline.draw(text, bold, italic, width);
    }

    /** DejaVu Sans Mono at the size that makes one character one cell wide. */
    private static final class Outline {

        /** Coverage exponent for small cells; measured with {@code ./airlock bench-legibility}. */
        private static final double SMALL_GAMMA = 0.7;

        private final int cellHeight;
        private final Font regular;
        private final Font bold;
        private final int baseline;
        private final byte[] darken = new byte[256];
        private final boolean small;

        Outline(int cellWidth, int cellHeight) {
            this.cellHeight = cellHeight;
            Font base = Faces.REGULAR;
            // DejaVu Sans Mono advances 0.602 em, so this size makes one character exactly one cell wide.
            float size = cellWidth / 0.602f;
            this.regular = base.deriveFont(size);
            this.bold = Faces.BOLD.deriveFont(size);
            LineMetrics metrics = regular.getLineMetrics("Mg", new FontRenderContext(null, true, false));
            float textHeight = metrics.getAscent() + metrics.getDescent();
            this.baseline = Math.round((cellHeight - textHeight) / 2 + metrics.getAscent());
            // Below the default cell, antialiased strokes are one grey pixel wide; hinting puts stems on whole
            // pixels and a gamma below 1 darkens the grey, so strokes keep their contrast in the video.
            this.small = cellWidth < CellRenderer.DEFAULT_CELL_WIDTH;
            double gamma = small ? SMALL_GAMMA : 1.0;
            for (int i = 0; i < 256; i++) {
                darken[i] = (byte) Math.round(255 * Math.pow(i / 255.0, gamma));
            }
        }

        Glyph draw(String text, boolean boldFace, boolean italic, int width) {
            BufferedImage image = new BufferedImage(width, cellHeight, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                // Integer metrics let the rasteriser hint stems onto whole pixels, which only small cells need.
                g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, small
                        ? RenderingHints.VALUE_FRACTIONALMETRICS_OFF : RenderingHints.VALUE_FRACTIONALMETRICS_ON);
                g.setColor(java.awt.Color.WHITE);
                Font font = boldFace ? bold : regular;
                if (italic) {
                    // Only upright faces are bundled; a slant like the oblique face's is close enough for video.
                    font = font.deriveFont(AffineTransform.getShearInstance(-0.2, 0));
                }
                if (font.canDisplayUpTo(text) != -1) {
                    // Outside the font (CJK, most emoji): a hollow box shows that something was there.
                    g.drawRect(1, 2, width - 3, cellHeight - 5);
                } else {
                    g.setFont(font);
                    g.drawString(text, 0, baseline);
                }
            } finally {
                g.dispose();
            }
            byte[] alpha = ((DataBufferByte) image.getRaster().getDataBuffer()).getData().clone();
            if (small) {
                for (int i = 0; i < alpha.length; i++) {
                    alpha[i] = darken[alpha[i] & 0xFF];
                }
            }
            return new Glyph(width, cellHeight, alpha);
        }
    }

    /**
     * The bundled faces, read once: {@link Font#createFont} copies a font stream to a temporary file each
     * time, and every change of terminal size makes a new cache.
     */
    private static final class Faces {
        static final Font REGULAR = load("DejaVuSansMono.ttf");
        static final Font BOLD = load("DejaVuSansMono-Bold.ttf");

        private Faces() {
        }

        private static Font load(String name) {
            try (InputStream in = GlyphCache.class.getResourceAsStream("fonts/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the jar: " + name);
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("bundled font unreadable: " + name, e);
            }
        }
    }

    /**
     * Glyphs by an int key, open addressing without boxing. When full it starts over: a screen rarely
     * shows more than a few hundred different characters, and a hostile one only costs redrawing.
     */
    private static final class CodePointGlyphs {

        private final int[] keys;
        private final Glyph[] values;
        private final int limit;
        private int size;

        CodePointGlyphs(int limit) {
            this.limit = limit;
            keys = new int[Integer.highestOneBit(limit) * 4];
            values = new Glyph[keys.length];
        }

        Glyph get(int key) {
            int mask = keys.length - 1;
            for (int i = mix(key) & mask; values[i] != null; i = (i + 1) & mask) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return null;
        }

        void put(int key, Glyph glyph) {
            if (size >= limit) {
                Arrays.fill(values, null);
                size = 0;
            }
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (values[i] != null && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (values[i] == null) {
                size++;
            }
            keys[i] = key;
            values[i] = glyph;
        }

        private static int mix(int key) {
            return key * 0x9E3779B9 >>> 7;
        }
    }
}
