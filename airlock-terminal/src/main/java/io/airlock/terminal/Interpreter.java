package io.airlock.terminal;

/**
 * Gives parsed control functions their xterm meaning (invisible-island.net/xterm/ctlseqs) and performs
 * them on the screen. Functions the recording cannot show (window manipulation, mouse reporting, key
 * encodings other than the flags kept in {@link Modes}) are ignored on purpose.
 */
final class Interpreter implements ParserActions {

    /** DA1: a VT220 with ANSI colour (62 = level 2, 22 = colour text), as many emulators answer. */
    static final String PRIMARY_DEVICE_ATTRIBUTES = "\u001b[?62;22c";
    /** DA2: terminal type 1 (VT220), firmware version 10, no ROM cartridge. */
    static final String SECONDARY_DEVICE_ATTRIBUTES = "\u001b[>1;10;0c";

    private final Screen screen;
    private final Replies replies;
    private String title = "";

    Interpreter(Screen screen, Replies replies) {
        this.screen = screen;
        this.replies = replies;
    }

    String title() {
        return title;
    }

    @Override
    public void print(int codePoint) {
        screen.print(codePoint);
    }

    @Override
    public void printAscii(char[] text, int from, int to) {
        screen.printAscii(text, from, to);
    }

    @Override
    public void execute(int control) {
        switch (control) {
            case 0x08 -> screen.backspace();
            case 0x09 -> screen.tab(1);
            case 0x0A, 0x0B, 0x0C -> screen.lineFeed();
            case 0x0D -> screen.carriageReturn();
            case 0x0E -> screen.shift(1);
            case 0x0F -> screen.shift(0);
            case 0x84 -> screen.index();
            case 0x85 -> screen.nextLine();
            case 0x88 -> screen.setTabStop();
            case 0x8D -> screen.reverseIndex();
            case 0x8E -> screen.singleShift(2);
            case 0x8F -> screen.singleShift(3);
            default -> {
                // BEL, NUL, ENQ and the rest have no effect on what the screen shows.
            }
        }
    }

    @Override
    public void escDispatch(String intermediates, int finalChar) {
        if (intermediates.isEmpty()) {
            escape(finalChar);
        } else if (intermediates.length() == 1) {
            switch (intermediates.charAt(0)) {
                case '(' -> screen.designate(0, CharacterSet.designatedBy(finalChar));
                case ')', '-' -> screen.designate(1, CharacterSet.designatedBy(finalChar));
                case '*', '.' -> screen.designate(2, CharacterSet.designatedBy(finalChar));
                case '+', '/' -> screen.designate(3, CharacterSet.designatedBy(finalChar));
                case '#' -> {
                    if (finalChar == '8') {
                        screen.alignmentTest();
                    }
                }
                default -> {
                    // Other announcers (ESC SP F, ESC % G, ...) select encodings we already use.
                }
            }
        }
    }

    private void escape(int finalChar) {
        switch (finalChar) {
            case '7' -> screen.saveCursor();
            case '8' -> screen.restoreCursor();
            case 'D' -> screen.index();
            case 'E' -> screen.nextLine();
            case 'H' -> screen.setTabStop();
            case 'M' -> screen.reverseIndex();
            case 'N' -> screen.singleShift(2);
            case 'O' -> screen.singleShift(3);
            case 'c' -> screen.reset();
            case '=' -> screen.modes().applicationKeypad = true;
            case '>' -> screen.modes().applicationKeypad = false;
            default -> {
                // Unknown escape sequences are ignored, as xterm does.
            }
        }
    }

    @Override
    public void csiDispatch(ControlSequence s) {
        if (s.prefix() == 0 && s.intermediates().isEmpty()) {
            standard(s);
        } else if (s.prefix() == '?' && s.intermediates().isEmpty()) {
            decPrivate(s);
        } else if (s.is('>', "", 'c')) {
            if (s.raw(0) == 0) {
                replies.send(SECONDARY_DEVICE_ATTRIBUTES);
            }
        } else if (s.is(0, "!", 'p')) {
            screen.softReset();
        }
    }

    private void standard(ControlSequence s) {
        int n = s.param(0, 1);
        switch (s.finalChar()) {
            case '@' -> screen.insertCharacters(n);
            case 'A' -> screen.cursorUp(n);
            case 'B', 'e' -> screen.cursorDown(n);
            case 'C', 'a' -> screen.cursorForward(n);
            case 'D' -> screen.cursorBackward(n);
            case 'E' -> {
                screen.cursorDown(n);
                screen.carriageReturn();
            }
            case 'F' -> {
                screen.cursorUp(n);
                screen.carriageReturn();
            }
            case 'G', '`' -> screen.setColumn(n - 1);
            case 'H', 'f' -> screen.moveTo(s.param(0, 1) - 1, s.param(1, 1) - 1);
            case 'I' -> screen.tab(n);
            case 'J' -> screen.eraseInDisplay(s.raw(0));
            case 'K' -> screen.eraseInLine(s.raw(0));
            case 'L' -> screen.insertLines(n);
            case 'M' -> screen.deleteLines(n);
            case 'P' -> screen.deleteCharacters(n);
            case 'S' -> screen.scrollUp(n);
            case 'T' -> {
                // With more than one parameter this is xterm's mouse highlight tracking, not SD.
                if (s.count() <= 1) {
                    screen.scrollDown(n);
                }
            }
            case 'X' -> screen.eraseCharacters(n);
            case 'Z' -> screen.backTab(n);
            case 'b' -> screen.repeatLast(n);
            case 'c' -> {
                if (s.raw(0) == 0) {
                    replies.send(PRIMARY_DEVICE_ATTRIBUTES);
                }
            }
            case 'd' -> screen.setRow(n - 1);
            case 'g' -> {
                if (s.raw(0) == 0) {
                    screen.clearTabStop(false);
                } else if (s.raw(0) == 3) {
                    screen.clearTabStop(true);
                }
            }
            case 'h', 'l' -> ansiModes(s, s.finalChar() == 'h');
            case 'm' -> screen.setPen(SelectGraphicRendition.apply(screen.pen(), s));
            case 'n' -> deviceStatus(s, false);
            case 'r' -> screen.setScrollRegion(s.param(0, 1) - 1, s.param(1, screen.rows()) - 1);
            case 's' -> screen.saveCursor();
            case 'u' -> screen.restoreCursor();
            default -> {
                // Window operations (t) and other functions do not change the screen's content.
            }
        }
    }

    private void ansiModes(ControlSequence s, boolean set) {
        for (int i = 0; i < s.count(); i++) {
            switch (s.raw(i)) {
                case 4 -> screen.modes().insert = set;
                case 20 -> screen.modes().newLine = set;
                default -> {
                    // Other ANSI modes (keyboard action, send/receive) have no visible effect.
                }
            }
        }
    }

    private void decPrivate(ControlSequence s) {
        switch (s.finalChar()) {
            case 'h', 'l' -> {
                for (int i = 0; i < s.count(); i++) {
                    decMode(s.raw(i), s.finalChar() == 'h');
                }
            }
            case 'J' -> screen.eraseInDisplay(s.raw(0));
            case 'K' -> screen.eraseInLine(s.raw(0));
            case 'n' -> deviceStatus(s, true);
            default -> {
                // DECRQM, xterm's save/restore of modes and the like are not needed to show the screen.
            }
        }
    }

    private void decMode(int mode, boolean set) {
        Modes modes = screen.modes();
        switch (mode) {
            case 1 -> modes.applicationCursorKeys = set;
            case 5 -> {
                modes.reverseVideo = set;
                for (int r = 0; r < screen.rows(); r++) {
                    screen.line(r).markAllDirty();
                }
            }
            case 6 -> {
                modes.originMode = set;
                screen.moveTo(0, 0);
            }
            case 7 -> modes.autoWrap = set;
            case 25 -> modes.cursorVisible = set;
            case 47 -> alternate(set, false, false);
            case 1047 -> alternate(set, false, true);
            case 1048 -> {
                if (set) {
                    screen.saveCursor();
                } else {
                    screen.restoreCursor();
                }
            }
            case 1049 -> alternate(set, true, false);
            case 2004 -> modes.bracketedPaste = set;
            default -> {
                // Mouse reporting, focus events, synchronized output and others leave the screen alone.
            }
        }
    }

    /**
     * 47 switches screens as is; 1047 also clears the alternate screen when leaving it; 1049 saves the
     * cursor, switches and clears on entry, and restores the cursor after leaving.
     */
    private void alternate(boolean set, boolean withCursor, boolean clearOnLeave) {
        if (set) {
            if (withCursor) {
                screen.saveCursor();
            }
            screen.enterAlternate(withCursor);
        } else {
            screen.leaveAlternate(clearOnLeave, withCursor);
        }
    }

    private void deviceStatus(ControlSequence s, boolean dec) {
        switch (s.raw(0)) {
            case 5 -> replies.send("\u001b[0n");
            case 6 -> replies.send("\u001b[" + (dec ? "?" : "") + (screen.reportedRow() + 1) + ";"
                    + (screen.column() + 1) + "R");
            default -> {
                // Printer and other status reports are not answered.
            }
        }
    }

    @Override
    public void oscDispatch(String data) {
        int semicolon = data.indexOf(';');
        String command = semicolon < 0 ? data : data.substring(0, semicolon);
        if (command.equals("0") || command.equals("2")) {
            title = semicolon < 0 ? "" : data.substring(semicolon + 1);
        }
    }
}
