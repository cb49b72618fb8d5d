package org.cacheway.session.signed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Django's {@code salted_hmac(..., algorithm="sha256")}, vectors from Django 3.2. */
class SaltedHmacTest {

    @Test
    void theKeyIsTheSha256OfSaltAndSecretInUtf8() {
        assertThat(new SaltedHmac("a", "Zo\u00eb \u2615").hexdigest("b"))
                .isEqualTo("504fd66c6a12875e715b8ea45797d8335673c26d894ca502a2db7d5834729e1f");
    }

    @Test
    void constantTimeEqualsComparesWholeStrings() {
        assertThat(SaltedHmac.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(SaltedHmac.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(SaltedHmac.constantTimeEquals("abc", "ab")).isFalse();
        assertThat(SaltedHmac.constantTimeEquals(null, "abc")).isFalse();
    }
}
