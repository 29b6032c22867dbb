package io.airlock.terminal;

/**
 * Applies SGR parameters to a pen. Extended colours are read in both forms xterm accepts: the common
 * {@code 38;5;n} / {@code 38;2;r;g;b}, and ITU T.416's {@code 38:5:n} / {@code 38:2:[colourspace]:r:g:b}.
 */
final class SelectGraphicRendition {

    private SelectGraphicRendition() {
    }

    static Pen apply(Pen start, ControlSequence sgr) {
        if (sgr.count() == 0) {
            return Pen.DEFAULT;
        }
        Pen pen = start;
        int i = 0;
        while (i < sgr.count()) {
            int code = sgr.raw(i);
            int next = i + 1;
            switch (code) {
                case 0 -> pen = Pen.DEFAULT;
                case 1 -> pen = pen.with(Attribute.BOLD, true);
                case 2 -> pen = pen.with(Attribute.FAINT, true);
                case 3 -> pen = pen.with(Attribute.ITALIC, true);
                case 4 -> {
                    // 4:0 turns underlining off; 4:1 to 4:5 are underline styles, all drawn as one.
                    boolean styled = sgr.isSubParameter(next);
                    pen = pen.with(Attribute.UNDERLINE, !styled || sgr.raw(next) != 0);
                }
                case 5, 6 -> pen = pen.with(Attribute.BLINK, true);
                case 7 -> pen = pen.with(Attribute.INVERSE, true);
                case 8 -> pen = pen.with(Attribute.INVISIBLE, true);
                case 9 -> pen = pen.with(Attribute.STRIKETHROUGH, true);
                case 21 -> pen = pen.with(Attribute.UNDERLINE, true);
                case 22 -> pen = pen.with(Attribute.BOLD, false).with(Attribute.FAINT, false);
                case 23 -> pen = pen.with(Attribute.ITALIC, false);
                case 24 -> pen = pen.with(Attribute.UNDERLINE, false);
                case 25 -> pen = pen.with(Attribute.BLINK, false);
                case 27 -> pen = pen.with(Attribute.INVERSE, false);
                case 28 -> pen = pen.with(Attribute.INVISIBLE, false);
                case 29 -> pen = pen.with(Attribute.STRIKETHROUGH, false);
                case 38, 48, 58 -> {
                    ExtendedColor extended = extendedColor(sgr, i);
                    next = extended.next();
                    if (extended.color() != null) {
                        if (code == 38) {
                            pen = pen.withForeground(extended.color());
                        } else if (code == 48) {
                            pen = pen.withBackground(extended.color());
                        }
                        // 58 is the underline colour: parsed so its arguments are skipped, not drawn.
                    }
                }
                case 39 -> pen = pen.withForeground(Color.DEFAULT);
                case 49 -> pen = pen.withBackground(Color.DEFAULT);
                default -> {
                    if (code >= 30 && code <= 37) {
                        pen = pen.withForeground(Color.indexed(code - 30));
                    } else if (code >= 40 && code <= 47) {
                        pen = pen.withBackground(Color.indexed(code - 40));
                    } else if (code >= 90 && code <= 97) {
                        pen = pen.withForeground(Color.indexed(code - 90 + 8));
                    } else if (code >= 100 && code <= 107) {
                        pen = pen.withBackground(Color.indexed(code - 100 + 8));
                    }
                }
            }
            // Sub-parameters belong to the code they follow and never start a code of their own.
            while (next < sgr.count() && sgr.isSubParameter(next)) {
                next++;
            }
            i = Math.max(next, i + 1);
        }
        return pen;
    }

    /** A colour read from {@code 38...}, and the index of the parameter after it. */
    private record ExtendedColor(Color color, int next) {
    }

    private static ExtendedColor extendedColor(ControlSequence sgr, int at) {
        int kindIndex = at + 1;
        if (kindIndex >= sgr.count()) {
            return new ExtendedColor(null, kindIndex);
        }
        boolean colon = sgr.isSubParameter(kindIndex);
        int kind = sgr.raw(kindIndex);
        if (kind == 5) {
            int index = kindIndex + 1;
            if (index >= sgr.count()) {
                return new ExtendedColor(null, index);
            }
            return new ExtendedColor(Color.indexed(Math.min(sgr.raw(index), 255)), index + 1);
        }
        if (kind == 2) {
            int first = kindIndex + 1;
            if (colon) {
                // 38:2:cs:r:g:b carries a colour-space id before the components; 38:2:r:g:b omits it.
                int subs = 0;
                while (first + subs < sgr.count() && sgr.isSubParameter(first + subs)) {
                    subs++;
                }
                if (subs >= 4) {
                    first++;
                }
            }
            if (first + 2 >= sgr.count()) {
                return new ExtendedColor(null, sgr.count());
            }
            return new ExtendedColor(Color.rgb(Math.min(sgr.raw(first), 255), Math.min(sgr.raw(first + 1), 255),
                    Math.min(sgr.raw(first + 2), 255)), first + 3);
        }
        return new ExtendedColor(null, kindIndex + 1);
    }
}
