package io.airlock.rfb;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The parts of a screen that changed, kept as a grid of {@value #TILE}-pixel tiles: cheap to mark for every
 * row a decoder writes, cheap to merge, and bounded however many rectangles a server sends. A copy of the
 * screen for someone else (a monitor) sends only these parts.
 */
public final class Damage {

    /** Side of a tile, in pixels. */
    public static final int TILE = 64;

    /** A damaged area, inside the screen. */
    public record Area(int x, int y, int width, int height) {
    }

    private final int width;
    private final int height;
    private final int columns;
    private final BitSet tiles;

    /** An undamaged screen of this size. */
    public Damage(int width, int height) {
        this.width = width;
        this.height = height;
        this.columns = (width + TILE - 1) / TILE;
        this.tiles = new BitSet(columns * ((height + TILE - 1) / TILE));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Marks an area; the parts of it outside the screen are ignored. */
    public void add(int x, int y, int w, int h) {
        int right = Math.min(width, x + w);
        int bottom = Math.min(height, y + h);
        if (w <= 0 || h <= 0 || x >= right || y >= bottom) {
            return;
        }
        for (int row = Math.max(0, y) / TILE; row <= (bottom - 1) / TILE; row++) {
            tiles.set(row * columns + Math.max(0, x) / TILE, row * columns + (right - 1) / TILE + 1);
        }
    }

    /** Marks the whole screen. */
    public void addAll() {
        add(0, 0, width, height);
    }

    /** Adds another's damage; when it belongs to a screen of another size, the whole screen is damaged. */
    public void add(Damage other) {
        if (other.width == width && other.height == height) {
            tiles.or(other.tiles);
        } else {
            addAll();
        }
    }

    public boolean isEmpty() {
        return tiles.isEmpty();
    }

    /** {@return the damaged areas, each a run of tiles along a row of tiles, clipped to the screen} */
    public List<Area> areas() {
        var areas = new ArrayList<Area>();
        for (int start = tiles.nextSetBit(0); start >= 0; start = tiles.nextSetBit(start)) {
            int row = start / columns;
            int end = Math.min(tiles.nextClearBit(start), (row + 1) * columns);
            int x = (start - row * columns) * TILE;
            int y = row * TILE;
            areas.add(new Area(x, y, Math.min(width, (end - row * columns) * TILE) - x, Math.min(height, y + TILE) - y));
            start = end;
        }
        return areas;
    }
}
