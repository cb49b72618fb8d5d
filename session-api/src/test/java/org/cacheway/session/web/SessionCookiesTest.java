package org.cacheway.session.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cacheway.session.SessionConfigurationException;
import org.junit.jupiter.api.Test;

/** How the filter measures a session cookie against the 4096 bytes of RFC 6265, and reads its policy. */
class SessionCookiesTest {
    private static final String ATTRIBUTES = "; expires=Tue, 08 Dec 2026 21:00:00 GMT; HttpOnly; Max-Age=1209600;"
            + " Path=/; SameSite=Lax";

    @Test
    void sizeCountsNameValueAndAttributes() {
        assertThat(SessionCookies.size("sessionid=abc" + ATTRIBUTES)).isEqualTo(101);
        assertThat(SessionCookies.size("n=v; Path=/")).isEqualTo(11);
    }

    @Test
    void sizeCountsUtf8Bytes() {
        assertThat(SessionCookies.size("n=é")).isEqualTo(4);
    }

    @Test
    void theLimitIsTheRfc6265Minimum() {
        assertThat(SessionCookies.MAX_SIZE).isEqualTo(4096);
    }

    @Test
    void oversizePolicyIsRaiseUnlessSetToLog() {
        assertThat(OversizedCookie.of(null)).isEqualTo(OversizedCookie.RAISE);
        assertThat(OversizedCookie.of(" Raise ")).isEqualTo(OversizedCookie.RAISE);
        assertThat(OversizedCookie.of("LOG")).isEqualTo(OversizedCookie.LOG);
    }

    @Test
    void unknownOversizePolicyIsAConfigurationErrorNamingTheSetting() {
        assertThatThrownBy(() -> OversizedCookie.of("drop"))
                .isInstanceOf(SessionConfigurationException.class)
                .hasMessageContaining("SESSION_COOKIE_OVERSIZE").hasMessageContaining("'drop'")
                .hasMessageContaining("expected 'raise' or 'log'");
    }
}
