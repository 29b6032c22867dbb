package io.airlock.recording.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsInOrderTest {

    @Test
    void wordsAreRunsOfTwoOrMoreLettersOrDigits() {
        assertThat(WordsInOrder.words("drwxr-xr-x 5 root  4096 Nov 25 15:20 a.tar.gz -> héllo"))
                .containsExactly("drwxr", "xr", "root", "4096", "Nov", "25", "15", "20", "tar", "gz", "llo");
    }

    @Test
    void onlyWordsReadInTheirOrderCount() {
        List<String> expected = List.of("the", "quick", "brown", "fox");

        assertThat(WordsInOrder.found(expected, List.of("the", "quick", "brown", "fox"))).isEqualTo(4);
        assertThat(WordsInOrder.found(expected, List.of("the", "guick", "brown", "fox", "extra"))).isEqualTo(3);
        assertThat(WordsInOrder.found(expected, List.of("fox", "brown", "quick", "the"))).isEqualTo(1);
        assertThat(WordsInOrder.found(expected, List.of())).isZero();
    }
}
