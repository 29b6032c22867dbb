package io.airlock.terminal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rendition that new characters are written with, and that each cell keeps. Immutable, so cells
 * share one instance until SGR changes it.
 */
record Pen(Color foreground, Color background, int attributes) {

    static final Pen DEFAULT = new Pen(Color.DEFAULT, Color.DEFAULT, 0);

    Pen with(Attribute attribute, boolean on) {
        int changed = on ? attributes | attribute.bit() : attributes & ~attribute.bit();
        return changed == attributes ? this : new Pen(foreground, background, changed);
    }

    Pen withForeground(Color color) {
        return color.equals(foreground) ? this : new Pen(color, background, attributes);
    }

    Pen withBackground(Color color) {
        return color.equals(background) ? this : new Pen(foreground, color, attributes);
    }

    boolean has(Attribute attribute) {
        return (attributes & attribute.bit()) != 0;
    }

    /** Erased cells keep only the background colour, as xterm's background-colour-erase does. */
    Pen erasing() {
        return background.equals(Color.DEFAULT) ? DEFAULT : new Pen(Color.DEFAULT, background, 0);
    }

    Set<Attribute> attributeSet() {
        Set<Attribute> set = EnumSet.noneOf(Attribute.class);
        for (Attribute attribute : Attribute.values()) {
            if (has(attribute)) {
                set.add(attribute);
            }
        }
        return set;
    }
}
