package io.airlock.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetadataValuesTest {

    @Test
    void plainAsciiStaysAsItIsAndEverythingElseIsPercentEncodedUtf8() {
        assertThat(MetadataValues.encode("PLC-7 line 2")).isEqualTo("PLC-7 line 2");
        assertThat(MetadataValues.encode("Pumpe Süd")).isEqualTo("Pumpe S%C3%BCd");
        assertThat(MetadataValues.encode("50% load")).isEqualTo("50%25 load");
        assertThat(MetadataValues.encode("a\nb")).isEqualTo("a%0Ab");
        assertThat(MetadataValues.encode(null)).isEmpty();
    }
}
