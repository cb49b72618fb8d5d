package org.cacheway.cache.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The herd header: layout, detection, and which values stay plain. */
class HerdFormatTest {

    @Test
    void wrapsWithMagicStampAndPayload() {
        byte[] wrapped = HerdFormat.wrap("\"v\"".getBytes(StandardCharsets.UTF_8), 1_767_225_600_123L);
        assertThat(new String(wrapped, StandardCharsets.ISO_8859_1)).isEqualTo("\0HRD\u00011767225600123\"v\"");
        assertThat(HerdFormat.isWrapped(wrapped)).isTrue();
        assertThat(HerdFormat.softExpiry(wrapped)).isEqualTo(1_767_225_600_123L);
        assertThat(HerdFormat.payload(wrapped)).isEqualTo("\"v\"".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(HerdFormat.stampOf(wrapped), StandardCharsets.US_ASCII)).isEqualTo("1767225600123");
    }

    @Test
    void stampsAreZeroPaddedToThirteenDigits() {
        assertThat(new String(HerdFormat.stamp(42), StandardCharsets.US_ASCII)).isEqualTo("0000000000042");
        assertThatThrownBy(() -> HerdFormat.stamp(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherClientsValuesAreNotWrapped() {
        assertThat(HerdFormat.isWrapped(null)).isFalse();
        assertThat(HerdFormat.isWrapped("\"text\"".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(HerdFormat.isWrapped(new byte[] {(byte) 0x80, 4, (byte) 0x95})).isFalse();
        assertThat(HerdFormat.isWrapped("\0HRD\u0001123".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(HerdFormat.isWrapped("\0HRD\u0001abcdefghijklmX".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(HerdFormat.isWrapped(HerdFormat.wrap(new byte[0], 0))).isTrue();
    }

    @Test
    void decimalIntegersStayPlain() {
        assertThat(HerdFormat.isInteger("42".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(HerdFormat.isInteger("-9223372036854775808".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(HerdFormat.isInteger("1.5".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(HerdFormat.isInteger("-".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(HerdFormat.isInteger(new byte[0])).isFalse();
        assertThat(HerdFormat.isInteger("\"42\"".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }
}
