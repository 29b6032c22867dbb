package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagRulesTest {

    @Test
    void disallowedCharactersInValuesAreReplacedNotDropped() {
        assertThat(TagRules.sanitize(Map.of("equipment", "PLC #7, line (2) – Zürich 東京 a+b=c@d:/e")))
                .containsEntry("equipment", "PLC _7_ line _2_ _ Zürich 東京 a+b=c@d:/e");
    }

    @Test
    void moreThanTenTagsAreRefused() {
        var tags = new LinkedHashMap<String, String>();
        for (int i = 0; i < 11; i++) {
            tags.put("k" + i, "v");
        }

        assertThatThrownBy(() -> TagRules.sanitize(tags)).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.reason()).isEqualTo(StorageException.Reason.INVALID)).hasMessageContaining("at most 10");
    }

    @Test
    void overlongOrInvalidKeysAndOverlongValuesAreRefused() {
        assertThatThrownBy(() -> TagRules.sanitize(Map.of("k".repeat(129), "v"))).hasMessageContaining("tag key");
        assertThatThrownBy(() -> TagRules.sanitize(Map.of("bad#key", "v"))).hasMessageContaining("tag key");
        assertThatThrownBy(() -> TagRules.sanitize(Map.of("k", "v".repeat(257)))).hasMessageContaining("at most 256");
        assertThat(TagRules.sanitize(Map.of("k".repeat(128), "v".repeat(256)))).hasSize(1);
    }
}
