package io.airlock.terminal;

import java.util.Arrays;

/**
 * Paul Williams' DEC ANSI parser state machine (vt100.net/emu/dec_ansi_parser), fed with code points
 * rather than bytes so that UTF-8 text passes straight through. Two deliberate extensions, both what
 * xterm does: a colon separates sub-parameters (for SGR 38:2:r:g:b) instead of spoiling the sequence,
 * and BEL ends an OSC string as ST does.
 *
 * <p>Every buffer is bounded: at most {@value #MAX_PARAMS} parameters (more are dropped), values are
 * clamped to {@value #MAX_PARAM_VALUE}, more than {@value #MAX_INTERMEDIATES} intermediates void the
 * sequence, and OSC strings keep their first {@value #MAX_OSC_LENGTH} characters.
 */
final class Parser {

    static final int MAX_PARAMS = 32;
    static final int MAX_PARAM_VALUE = 65535;
    static final int MAX_INTERMEDIATES = 2;
    static final int MAX_OSC_LENGTH = 4096;

    private static final int ESC = 0x1B;
    private static final int BEL = 0x07;
    private static final int CAN = 0x18;
    private static final int SUB = 0x1A;
    private static final int DEL = 0x7F;

    private final ParserActions actions;
    private ParserState state = ParserState.GROUND;

    private final int[] params = new int[MAX_PARAMS];
    private int paramIndex;
    private boolean paramsSeen;
    private long subParameters;
    private int prefix;
    private final StringBuilder intermediates = new StringBuilder(MAX_INTERMEDIATES);
    private boolean tooManyIntermediates;
    private final StringBuilder osc = new StringBuilder();

    Parser(ParserActions actions) {
        this.actions = actions;
    }

    void advance(int c) {
        if (anywhere(c)) {
            return;
        }
        switch (state) {
            case GROUND -> ground(c);
            case ESCAPE -> escape(c);
            case ESCAPE_INTERMEDIATE -> escapeIntermediate(c);
            case CSI_ENTRY -> csiEntry(c);
            case CSI_PARAM -> csiParam(c);
            case CSI_INTERMEDIATE -> csiIntermediate(c);
            case CSI_IGNORE -> csiIgnore(c);
            case DCS_ENTRY -> dcsEntry(c);
            case DCS_PARAM -> dcsParam(c);
            case DCS_INTERMEDIATE -> dcsIntermediate(c);
            case DCS_PASSTHROUGH -> dcsPassthrough(c);
            case DCS_IGNORE, SOS_PM_APC_STRING -> {
                // Consumed without effect until ST, CAN, SUB or ESC.
            }
            case OSC_STRING -> oscString(c);
        }
    }

    /**
     * Advances over characters that are all printable ASCII (0x20-0x7E): those that finish a sequence in
     * progress go one by one, the rest are printed as one run.
     */
    void advanceAscii(char[] text, int from, int to) {
        int i = from;
        while (i < to && state != ParserState.GROUND) {
            advance(text[i++]);
        }
        if (i < to) {
            actions.printAscii(text, i, to);
        }
    }

    /** The transitions the diagram draws from "anywhere"; returns true when {@code c} was consumed. */
    private boolean anywhere(int c) {
        if (c == CAN || c == SUB) {
            // Cancels a string without dispatching it, as xterm does.
            abandonString();
            actions.execute(c);
            state = ParserState.GROUND;
            return true;
        }
        if (c == ESC) {
            leaveString();
            clear();
            state = ParserState.ESCAPE;
            return true;
        }
        if (c < 0x80 || c > 0x9F) {
            return false;
        }
        leaveString();
        switch (c) {
            case 0x90 -> enter(ParserState.DCS_ENTRY);
            case 0x9B -> enter(ParserState.CSI_ENTRY);
            case 0x9C -> state = ParserState.GROUND;
            case 0x9D -> enter(ParserState.OSC_STRING);
            case 0x98, 0x9E, 0x9F -> state = ParserState.SOS_PM_APC_STRING;
            default -> {
                actions.execute(c);
                state = ParserState.GROUND;
            }
        }
        return true;
    }

    private void ground(int c) {
        if (c < 0x20) {
            actions.execute(c);
        } else if (c != DEL) {
            actions.print(c);
        }
    }

    private void escape(int c) {
        if (c < 0x20) {
            actions.execute(c);
        } else if (c <= 0x2F) {
            collect(c);
            state = ParserState.ESCAPE_INTERMEDIATE;
        } else if (c == '[') {
            enter(ParserState.CSI_ENTRY);
        } else if (c == ']') {
            enter(ParserState.OSC_STRING);
        } else if (c == 'P') {
            enter(ParserState.DCS_ENTRY);
        } else if (c == 'X' || c == '^' || c == '_') {
            state = ParserState.SOS_PM_APC_STRING;
        } else if (c < DEL) {
            actions.escDispatch(intermediates.toString(), c);
            state = ParserState.GROUND;
        } else if (c > DEL) {
            state = ParserState.GROUND;
        }
    }

    private void escapeIntermediate(int c) {
        if (c < 0x20) {
            actions.execute(c);
        } else if (c <= 0x2F) {
            collect(c);
        } else if (c < DEL) {
            if (!tooManyIntermediates) {
                actions.escDispatch(intermediates.toString(), c);
            }
            state = ParserState.GROUND;
        } else if (c > DEL) {
            state = ParserState.GROUND;
        }
    }

    private void csiEntry(int c) {
        if (c >= 0x3C && c <= 0x3F) {
            prefix = c;
            state = ParserState.CSI_PARAM;
        } else {
            csiParam(c);
        }
    }

    private void csiParam(int c) {
        if (c < 0x20) {
            actions.execute(c);
        } else if (c <= 0x2F) {
            collect(c);
            state = ParserState.CSI_INTERMEDIATE;
        } else if (c <= 0x3B) {
            param(c);
            state = ParserState.CSI_PARAM;
        } else if (c <= 0x3F) {
            state = ParserState.CSI_IGNORE;
        } else if (c < DEL) {
            csiDispatch(c);
        } else if (c > DEL) {
            state = ParserState.CSI_IGNORE;
        }
    }

    private void csiIntermediate(int c) {
        if (c < 0x20) {
            actions.execute(c);
        } else if (c <= 0x2F) {
            collect(c);
        } else if (c <= 0x3F || c > DEL) {
            state = ParserState.CSI_IGNORE;
        } else if (c < DEL) {
            csiDispatch(c);
        }
    }

    private void csiIgnore(int c) {
        if (c < 0x20) {
            actions.execute(c);
        } else if (c >= 0x40 && c < DEL) {
            state = ParserState.GROUND;
        }
    }

    private void csiDispatch(int finalChar) {
        state = ParserState.GROUND;
        if (!tooManyIntermediates) {
            actions.csiDispatch(sequence(finalChar));
        }
    }

    private void dcsEntry(int c) {
        if (c >= 0x3C && c <= 0x3F) {
            prefix = c;
            state = ParserState.DCS_PARAM;
        } else {
            dcsParam(c);
        }
    }

    private void dcsParam(int c) {
        if (c < 0x20 || c == DEL) {
            return;
        }
        if (c <= 0x2F) {
            collect(c);
            state = ParserState.DCS_INTERMEDIATE;
        } else if (c <= 0x3B && c != ':') {
            param(c);
            state = ParserState.DCS_PARAM;
        } else if (c <= 0x3F || c > DEL) {
            state = ParserState.DCS_IGNORE;
        } else {
            dcsHook(c);
        }
    }

    private void dcsIntermediate(int c) {
        if (c < 0x20 || c == DEL) {
            return;
        }
        if (c <= 0x2F) {
            collect(c);
        } else if (c <= 0x3F || c > DEL) {
            state = ParserState.DCS_IGNORE;
        } else {
            dcsHook(c);
        }
    }

    private void dcsHook(int finalChar) {
        if (tooManyIntermediates) {
            state = ParserState.DCS_IGNORE;
            return;
        }
        state = ParserState.DCS_PASSTHROUGH;
        actions.dcsHook(sequence(finalChar));
    }

    private void dcsPassthrough(int c) {
        if (c != DEL) {
            actions.dcsPut(c);
        }
    }

    private void oscString(int c) {
        if (c == BEL) {
            leaveString();
            state = ParserState.GROUND;
        } else if (c >= 0x20 && osc.length() < MAX_OSC_LENGTH) {
            osc.appendCodePoint(c);
        }
    }

    /** The exit actions of the string states: dispatch OSC, unhook DCS. */
    private void leaveString() {
        if (state == ParserState.OSC_STRING) {
            actions.oscDispatch(osc.toString());
        } else if (state == ParserState.DCS_PASSTHROUGH) {
            actions.dcsUnhook();
        }
        osc.setLength(0);
    }

    private void abandonString() {
        if (state == ParserState.DCS_PASSTHROUGH) {
            actions.dcsUnhook();
        }
        osc.setLength(0);
    }

    private void enter(ParserState next) {
        clear();
        state = next;
    }

    private void clear() {
        Arrays.fill(params, 0);
        paramIndex = 0;
        paramsSeen = false;
        subParameters = 0;
        prefix = 0;
        intermediates.setLength(0);
        tooManyIntermediates = false;
        osc.setLength(0);
    }

    private void collect(int c) {
        if (intermediates.length() < MAX_INTERMEDIATES) {
            intermediates.append((char) c);
        } else {
            tooManyIntermediates = true;
        }
    }

    private void param(int c) {
        paramsSeen = true;
        if (c == ';' || c == ':') {
            if (paramIndex < MAX_PARAMS) {
                paramIndex++;
                if (c == ':' && paramIndex < MAX_PARAMS) {
                    subParameters |= 1L << paramIndex;
                }
            }
        } else if (paramIndex < MAX_PARAMS) {
            params[paramIndex] = Math.min(params[paramIndex] * 10 + (c - '0'), MAX_PARAM_VALUE);
        }
    }

    private ControlSequence sequence(int finalChar) {
        int count = paramsSeen ? Math.min(paramIndex + 1, MAX_PARAMS) : 0;
        return new ControlSequence(prefix, intermediates.toString(), finalChar,
                Arrays.copyOf(params, count), subParameters);
    }
}
