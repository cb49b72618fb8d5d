package org.cacheway.session.signed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.cacheway.session.MutableClock;
import org.cacheway.cache.serializer.JsonSerializer;
import org.cacheway.session.Session;
import org.cacheway.session.SessionConfigurationException;
import org.cacheway.session.SessionSemanticsContractTest;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.junit.jupiter.api.Test;

/** The signed-cookie engine: the shared session semantics and Django's exact signing vectors (item 131). */
class SignedCookieSessionStoreTest extends SessionSemanticsContractTest {
    private static final String SECRET = "wire-format-demo";
    private static final Instant FROZEN = Instant.ofEpochSecond(1_700_000_000L);

    @Override
    protected SessionSettings baseSettings() {
        return SessionSettings.fromMap(Map.of("SESSION_ENGINE", "django.contrib.sessions.backends.signed_cookies",
                "SECRET_KEY", SECRET));
    }

    @Override
    protected Sessions sessions(SessionSettings settings) {
        return Sessions.of(settings, new SignedCookieSessionStore(settings, clock));
    }

    private static Signing signingAtFrozenTime(String salt) {
        return new Signing(SECRET, salt, new MutableClock(FROZEN));
    }

    @Test
    void sessionDataSignsToDjangosBytes() {
        assertThat(signingAtFrozenTime(SignedCookieSessionStore.SALT).dumps(Map.of("a", 1L)))
                .isEqualTo("eyJhIjoxfQ:1r31eq:a4jZNRN_mN6JlBQ9UhNDDXCW4b467C-WQfom24jzDU8");
    }

    @Test
    void compressibleDataIsZlibbedWithADotPrefix() {
        Map<String, Object> data = Map.of("items", LongStream.range(0, 30).boxed().toList());
        assertThat(signingAtFrozenTime(SignedCookieSessionStore.SALT).dumps(data)).isEqualTo(
                ".eJwNyysOgDAARMG7VD_R3f65CkFWIFDgCHendpJ5w_nM6w7bHhEmkSlUGp2BFgoZJZRRQRU11NHAEa9jnHDGBVfccMfj-H6f8RNS"
                + ":1r31eq:-tQYPs-Cw6zGlAbl-hFh9sAvI4E8cHwccs1cuk3nOa0");
    }

    @Test
    void theDefaultSaltSignsDjangosHello() {
        assertThat(signingAtFrozenTime(Signing.DEFAULT_SALT).dumps("hello"))
                .isEqualTo("ImhlbGxvIg:1r31eq:YXdJvOCaq_mGHqkZh1DJN0fLMpwTcCUViG3V-846khs");
    }

    @Test
    void djangosCookiesLoad() {
        Signing signing = signingAtFrozenTime(SignedCookieSessionStore.SALT);
        assertThat(signing.loads("eyJhIjoxfQ:1r31eq:a4jZNRN_mN6JlBQ9UhNDDXCW4b467C-WQfom24jzDU8", 60))
                .isEqualTo(Map.of("a", 1L));
        assertThat(signing.loads(".eJwNyysOgDAARMG7VD_R3f65CkFWIFDgCHendpJ5w_nM6w7bHhEmkSlUGp2BFgoZJZRRQRU11NHAEa9jnHDGBVfccMfj-H6f8RNS"
                + ":1r31eq:-tQYPs-Cw6zGlAbl-hFh9sAvI4E8cHwccs1cuk3nOa0", 60))
                .isEqualTo(Map.of("items", LongStream.range(0, 30).boxed().toList()));
    }

    @Test
    void nonAsciiAndFloatsAreWrittenAsPythonDoes() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", "Zo\u00eb \u2615");
        data.put("floats", List.of(1.5, 3.0, 1e20, 0.1, 1e-5));
        assertThat(new String(JsonSerializer.compact().serialize(data), StandardCharsets.US_ASCII))
                .isEqualTo("{\"name\":\"Zo\\u00eb \\u2615\",\"floats\":[1.5,3.0,1e+20,0.1,1e-05]}");
    }

    @Test
    void aTamperedCookieGivesAnEmptyModifiedSession() {
        Session session = sessions.create();
        session.put("user", "alice");
        session.save();
        String cookie = session.sessionKey();
        Session tampered = sessions.open(cookie.substring(0, cookie.length() - 2) + "xx");
        assertThat(tampered.items()).isEmpty();
        assertThat(tampered.isModified()).isTrue();
    }

    @Test
    void aCookieOlderThanTheCookieAgeGivesAnEmptySession() {
        Session session = sessions.create();
        session.put("user", "alice");
        session.save();
        clock.advance(Duration.ofSeconds(1_209_601));
        assertThat(sessions.open(session.sessionKey()).items()).isEmpty();
    }

    @Test
    void existsIsAlwaysFalse() {
        Session session = sessions.create();
        session.put("user", "alice");
        session.save();
        assertThat(sessions.store().exists(session.sessionKey())).isFalse();
    }

    @Test
    void deleteEmptiesKeyAndData() {
        Session session = sessions.create();
        session.put("user", "alice");
        session.save();
        session.delete();
        assertThat(session.sessionKey()).isEmpty();
        assertThat(session.items()).isEmpty();
        assertThat(session.isModified()).isTrue();
    }

    @Test
    void cycleKeyResignsTheData() {
        Session session = sessions.create();
        session.put("user", "alice");
        session.save();
        clock.advance(Duration.ofSeconds(5));
        String before = session.sessionKey();
        session.cycleKey();
        assertThat(session.sessionKey()).isNotEqualTo(before);
        assertThat(reopen(session).items()).isEqualTo(Map.of("user", "alice"));
    }

    @Test
    void aMissingSecretKeyIsAConfigurationError() {
        assertThatThrownBy(() -> new SignedCookieSessionStore(SessionSettings.defaults(), clock))
                .isInstanceOf(SessionConfigurationException.class).hasMessageStartingWith("SECRET_KEY = None");
    }
}
