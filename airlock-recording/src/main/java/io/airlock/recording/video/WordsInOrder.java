package io.airlock.recording.video;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of a screen's text a reading of it got right: the words (runs of two or more ASCII letters or
 * digits) of the reference that the reading contains in the same order, as the longest common
 * subsequence of the two word lists. A word read wrongly, missed or read out of order counts as lost;
 * words the reading invents cost nothing.
 */
final class WordsInOrder {

    private WordsInOrder() {
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean wordChar = c < 128 && Character.isLetterOrDigit(c);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                if (i - start >= 2) {
                    words.add(text.substring(start, i));
                }
                start = -1;
            }
        }
        return words;
    }

    /** {@return how many of {@code expected} appear in {@code read} in order} */
    static int found(List<String> expected, List<String> read) {
        int[] previous = new int[read.size() + 1];
        int[] current = new int[read.size() + 1];
        for (String word : expected) {
            for (int j = 1; j <= read.size(); j++) {
                current[j] = word.equals(read.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[read.size()];
    }
}
