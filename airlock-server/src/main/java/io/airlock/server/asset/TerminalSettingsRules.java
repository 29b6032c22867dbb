package io.airlock.server.asset;

import io.airlock.server.web.ApiException;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What an administrator may store as an access method's character set and Telnet prompt patterns. */
final class TerminalSettingsRules {

    static final int MAX_PATTERN = 200;

    /** A character set the access method form offers, with what equipment uses it. */
    record CharsetOption(String name, String description) {
    }

    /** The character sets industrial equipment commonly speaks; any other the JDK supports is accepted too. */
    static final List<CharsetOption> COMMON_CHARSETS = List.of(
            new CharsetOption("UTF-8", "Unicode"),
            new CharsetOption("ISO-8859-1", "Latin-1, Western European"),
            new CharsetOption("ISO-8859-15", "Latin-9, with the euro sign"),
            new CharsetOption("windows-1252", "Windows Western European"),
            new CharsetOption("IBM437", "CP437, DOS box drawing"),
            new CharsetOption("IBM850", "CP850, DOS Western European"),
            new CharsetOption("windows-1251", "Windows Cyrillic"),
            new CharsetOption("Shift_JIS", "Japanese"),
            new CharsetOption("EUC-JP", "Japanese (Unix)"),
            new CharsetOption("GB18030", "Simplified Chinese"),
            new CharsetOption("Big5", "Traditional Chinese"),
            new CharsetOption("EUC-KR", "Korean"));

    /** Terminal control sequences are ASCII: a character set must keep ASCII as it is to carry them. */
    private static final String ASCII_PROBE = "\u001b[0m\r\n azAZ09~";

    private TerminalSettingsRules() {
    }

    /**
     * Checks what the form sent. Blank means default; prompt patterns matter to Telnet only and are not kept
     * for other protocols.
     *
     * @throws ApiException naming the field that is wrong
     */
    static TerminalSettings check(Protocol protocol, String charset, String usernamePrompt, String passwordPrompt,
            String successPrompt, String failurePrompt) {
        String name = charsetName(charset);
        if (protocol != Protocol.TELNET) {
            return new TerminalSettings(name, null, null, null, null);
        }
        return new TerminalSettings(name, pattern("telnetUsernamePrompt", usernamePrompt),
                pattern("telnetPasswordPrompt", passwordPrompt), pattern("telnetSuccessPrompt", successPrompt),
                pattern("telnetFailurePrompt", failurePrompt));
    }

    /** The JDK's canonical name of a supported, ASCII-compatible character set; UTF-8 when blank. */
    private static String charsetName(String requested) {
        if (requested == null || requested.isBlank()) {
            return StandardCharsets.UTF_8.name();
        }
        Charset charset;
        try {
            charset = Charset.isSupported(requested.strip()) ? Charset.forName(requested.strip()) : null;
        } catch (IllegalCharsetNameException e) {
            charset = null;
        }
        if (charset == null) {
            throw ApiException.invalidField("charset", "This gateway does not know the character set '"
                    + requested.strip() + "'. Choose one from the list, for example " + commonNames() + ".");
        }
        if (!charset.canEncode() || !keepsAscii(charset)) {
            throw ApiException.invalidField("charset", charset.name() + " cannot carry terminal sessions: the "
                    + "character set must encode as well as decode, and keep ASCII as it is.");
        }
        return charset.name();
    }

    private static boolean keepsAscii(Charset charset) {
        try {
            var encoded = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(ASCII_PROBE));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return Arrays.equals(bytes, ASCII_PROBE.getBytes(StandardCharsets.US_ASCII));
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String pattern(String field, String regex) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        if (regex.length() > MAX_PATTERN) {
            throw ApiException.invalidField(field, "At most " + MAX_PATTERN + " characters.");
        }
        try {
            Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw ApiException.invalidField(field, "Not a valid regular expression: " + e.getDescription()
                    + " (near position " + e.getIndex() + ").");
        }
        return regex;
    }

    private static String commonNames() {
        return String.join(", ", COMMON_CHARSETS.stream().map(CharsetOption::name).limit(5).toList());
    }
}
