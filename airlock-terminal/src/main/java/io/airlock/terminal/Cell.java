package io.airlock.terminal;

import java.util.Set;

/**
 * What one screen cell shows.
 *
 * @param text the base character and any combining characters; a single space for a blank cell, and
 *     empty for the right half of a wide character
 * @param width 1 for a normal cell, 2 for the left half of a wide character, 0 for its right half
 * @param foreground the foreground colour
 * @param background the background colour
 * @param attributes the rendition attributes, unmodifiable
 */
public record Cell(String text, int width, Color foreground, Color background, Set<Attribute> attributes) {

    /**
     * Makes the attribute set unmodifiable.
     *
     * @param text see the record description
     * @param width see the record description
     * @param foreground see the record description
     * @param background see the record description
     * @param attributes see the record description
     */
    public Cell {
        attributes = Set.copyOf(attributes);
    }

    /**
     * Tells whether the cell holds the given rendition attribute.
     *
     * @param attribute the attribute
     * @return true when it is set
     */
    public boolean has(Attribute attribute) {
        return attributes.contains(attribute);
    }
}
