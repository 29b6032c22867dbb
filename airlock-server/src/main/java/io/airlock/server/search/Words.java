package io.airlock.server.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How recorded lines and search queries are split into words: lower case, runs of letters and digits, each
 * word once. Done by the gateway on both databases, so a word that H2 finds PostgreSQL finds too (its own
 * parser would keep {@code /etc/hosts} as one token, and a search for {@code hosts} would miss it).
 */
final class Words {

    /** Longer runs (hashes, base64) are cut: nobody types more of them into a search box. */
    static final int MAX_WORD = 64;

    private Words() {
    }

    static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int code = i < lower.length() ? lower.codePointAt(i) : ' ';
            boolean wordChar = Character.isLetterOrDigit(code);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String word = lower.substring(start, i);
                words.add(word.length() > MAX_WORD ? word.substring(0, word.offsetByCodePoints(0,
                        Math.min(MAX_WORD, word.codePointCount(0, word.length())))) : word);
                start = -1;
            }
            i += Character.charCount(code);
        }
        return List.copyOf(words);
    }
}
