package io.airlock.terminal;

import java.util.Arrays;

/** The G0-G3 designations and which of them is shifted into GL (SI/SO, SS2/SS3). */
final class Charsets {

    private final CharacterSet[] designated = new CharacterSet[4];
    private int shifted;
    private int singleShift = -1;

    Charsets() {
        reset();
    }

    Charsets(Charsets other) {
        System.arraycopy(other.designated, 0, designated, 0, designated.length);
        shifted = other.shifted;
    }

    void reset() {
        Arrays.fill(designated, CharacterSet.ASCII);
        shifted = 0;
        singleShift = -1;
    }

    void designate(int slot, CharacterSet set) {
        designated[slot] = set;
    }

    /** SI selects G0, SO selects G1. */
    void shift(int slot) {
        shifted = slot;
    }

    void singleShift(int slot) {
        singleShift = slot;
    }

    /** True when the next ASCII character prints as itself: no single shift, and ASCII shifted into GL. */
    boolean plainAscii() {
        return singleShift < 0 && designated[shifted] == CharacterSet.ASCII;
    }

    int map(int codePoint) {
        int slot = singleShift >= 0 ? singleShift : shifted;
        singleShift = -1;
        return codePoint < 0x80 ? designated[slot].map(codePoint) : codePoint;
    }
}
