package io.airlock.terminal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rasterises characters with the bundled DejaVu Sans Mono (see {@code fonts/LICENSE-DejaVu.txt}) into
 * coverage masks and keeps the most recently used ones, so a frame costs a lookup per cell.
 */
final class GlyphCache {

    private static final int CAPACITY = 4096;

    /** What makes two glyphs differ. */
    private record Key(String text, boolean bold, boolean italic, int cells) {
    }

    private final int cellWidth;
    private final int cellHeight;
    private final Font regular;
    private final Font bold;
    private final int baseline;
    private final Map<Key, Glyph> glyphs = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Glyph> eldest) {
            return size() > CAPACITY;
        }
    };

    GlyphCache(int cellWidth, int cellHeight) {
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        Font base = load("DejaVuSansMono.ttf");
        // DejaVu Sans Mono advances 0.602 em, so this size makes one character exactly one cell wide.
        float size = cellWidth / 0.602f;
        this.regular = base.deriveFont(size);
        this.bold = load("DejaVuSansMono-Bold.ttf").deriveFont(size);
        LineMetrics metrics = regular.getLineMetrics("Mg", new FontRenderContext(null, true, false));
        float textHeight = metrics.getAscent() + metrics.getDescent();
        this.baseline = Math.round((cellHeight - textHeight) / 2 + metrics.getAscent());
    }

    Glyph glyph(String text, boolean boldFace, boolean italic, int cells) {
        return glyphs.computeIfAbsent(new Key(text, boldFace, italic, cells), this::rasterise);
    }

    private Glyph rasterise(Key key) {
        int width = cellWidth * key.cells();
        Glyph drawn = key.text().codePointCount(0, key.text().length()) == 1
                ? BoxDrawing.draw(key.text().codePointAt(0), width, cellHeight) : null;
        if (drawn != null) {
            return drawn;
        }
        BufferedImage image = new BufferedImage(width, cellHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(java.awt.Color.WHITE);
            Font font = key.bold() ? bold : regular;
            if (key.italic()) {
                // Only upright faces are bundled; a slant like the oblique face's is close enough for video.
                font = font.deriveFont(AffineTransform.getShearInstance(-0.2, 0));
            }
            if (font.canDisplayUpTo(key.text()) != -1) {
                // Outside the font (CJK, most emoji): a hollow box shows that something was there.
                g.drawRect(1, 2, width - 3, cellHeight - 5);
            } else {
                g.setFont(font);
                g.drawString(key.text(), 0, baseline);
            }
        } finally {
            g.dispose();
        }
        byte[] alpha = ((DataBufferByte) image.getRaster().getDataBuffer()).getData().clone();
        return new Glyph(width, cellHeight, alpha);
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
