package org.cacheway.session.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cacheway.cache.Caches;
import org.cacheway.session.Session;
import org.cacheway.session.SessionConfigurationException;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Django's session auth hash and {@code get_user} verification. The hashes were computed by Django
 * 3.2's {@code User(password=...).get_session_auth_hash()}; {@code DjangoAuthDjangoIT} re-derives them
 * with the real Django. The login flow itself is in {@code LoginFlowTest}.
 */
class DjangoAuthTest {
    static final String SECRET = "django-insecure-cacheway-vectors";
    static final String PASSWORD_HASH = "pbkdf2_sha256$260000$cachewaydemosalt$RCvcDqGlRvckCNb5CRndfewVkpXO/ZyKG3TaM/tlZhc=";
    /** {@code PASSWORD_HASH}'s session auth hash under {@code SECRET}. */
    static final String AUTH_HASH = "96a3b0272f84c027483f1334b04f5141b83d0f3e8fc232be18e186fae66b1020";
    /** {@code PASSWORD_HASH}'s session auth hash under {@code "old-secret"}. */
    static final String OLD_SECRET_AUTH_HASH = "b30e726dc82cb24c15d611210f926a7d0c36e584d530873d54be4b32cd6b0271";

    private final DjangoAuth auth = DjangoAuth.withSecretKey(SECRET);
    private final Caches caches = Caches.fromSettings(Map.of("default", Map.of(
            "BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", UUID.randomUUID().toString())));
    private final Sessions sessions = Sessions.from(SessionSettings.defaults(), caches);

    @AfterEach
    void close() {
        caches.close();
    }

    private Session loggedIn(DjangoAuth by, String passwordHash) {
        Session session = sessions.create();
        by.login(session, "1", passwordHash);
        session.save();
        return sessions.open(session.sessionKey());
    }

    @Test
    void theSessionAuthHashIsDjangosSaltedHmacOfThePasswordHash() {
        assertThat(auth.sessionAuthHash(PASSWORD_HASH)).isEqualTo(AUTH_HASH);
    }

    @Test
    void anEmptyPasswordHashAndNonAsciiTextHashAsInDjango() {
        assertThat(auth.sessionAuthHash("")).isEqualTo("acff3c9e5bbe9ffeb86715eca4266b875b11f1c9fba7cccdcd6627ad81688d4f");
        assertThat(auth.sessionAuthHash("pbkdf2_sha256$260000$abc$Zo\u00eb"))
                .isEqualTo("5b355eeac3e402dab96f08be731bb4cc30ef3890118c8e2c1256d14f50b06da5");
    }

    @Test
    void loginStoresTheThreeKeysAsDjangoDoes() {
        Session session = sessions.create();
        auth.login(session, "1", PASSWORD_HASH);
        assertThat(session.items()).containsEntry(DjangoAuth.SESSION_KEY, "1")
                .containsEntry(DjangoAuth.BACKEND_SESSION_KEY, "django.contrib.auth.backends.ModelBackend")
                .containsEntry(DjangoAuth.HASH_SESSION_KEY, AUTH_HASH);
    }

    @Test
    void loginWithAnotherBackendStoresItsPath() {
        Session session = sessions.create();
        auth.login(session, "7", "myapp.backends.EmailBackend", PASSWORD_HASH);
        assertThat(session.get(DjangoAuth.BACKEND_SESSION_KEY)).isEqualTo("myapp.backends.EmailBackend");
    }

    @Test
    void getUserGivesTheIdWhenTheHashVerifies() {
        assertThat(auth.getUser(loggedIn(auth, PASSWORD_HASH), id -> PASSWORD_HASH)).contains("1");
    }

    @Test
    void getUserLooksTheUserUpByTheStoredId() {
        List<String> asked = new java.util.ArrayList<>();
        auth.getUser(loggedIn(auth, PASSWORD_HASH), id -> {
            asked.add(id);
            return PASSWORD_HASH;
        });
        assertThat(asked).containsExactly("1");
    }

    @Test
    void aChangedPasswordLogsTheSessionOutAndFlushesIt() {
        Session session = loggedIn(auth, PASSWORD_HASH);
        String key = session.sessionKey();
        assertThat(auth.getUser(session, id -> "pbkdf2_sha256$260000$new$other")).isEmpty();
        assertThat(session.isEmpty()).isTrue();
        assertThat(sessions.store().exists(key)).isFalse();
    }

    @Test
    void anotherSecretKeyDoesNotVerify() {
        Session session = loggedIn(DjangoAuth.withSecretKey("another-secret"), PASSWORD_HASH);
        assertThat(auth.getUser(session, id -> PASSWORD_HASH)).isEmpty();
    }

    @Test
    void aMissingHashDoesNotVerify() {
        Session session = loggedIn(auth, PASSWORD_HASH);
        session.remove(DjangoAuth.HASH_SESSION_KEY);
        assertThat(auth.getUser(session, id -> PASSWORD_HASH)).isEmpty();
        assertThat(session.isEmpty()).isTrue();
    }

    @Test
    void anUnknownUserIsAnonymousAndTheSessionStays() {
        Session session = loggedIn(auth, PASSWORD_HASH);
        assertThat(auth.getUser(session, id -> null)).isEmpty();
        assertThat(session.get(DjangoAuth.SESSION_KEY)).isEqualTo("1");
    }

    @Test
    void aBackendNotConfiguredIsAnonymousAndTheSessionStays() {
        Session session = sessions.create();
        auth.login(session, "1", "myapp.backends.EmailBackend", PASSWORD_HASH);
        assertThat(auth.getUser(session, id -> PASSWORD_HASH)).isEmpty();
        assertThat(auth.withAuthenticationBackends(List.of("myapp.backends.EmailBackend"))
                .getUser(session, id -> PASSWORD_HASH)).contains("1");
    }

    @Test
    void anAnonymousSessionHasNoUser() {
        Session session = sessions.create();
        session.put("cart", List.of(1L));
        assertThat(auth.getUser(session, id -> PASSWORD_HASH)).isEmpty();
        assertThat(DjangoAuth.sessionUserId(session)).isEmpty();
        assertThat(session.get("cart")).isEqualTo(List.of(1L));
    }

    @Test
    void anIntegerUserIdIsReadAsItsDigits() {
        Session session = sessions.create();
        session.put(DjangoAuth.SESSION_KEY, 42L);
        assertThat(DjangoAuth.sessionUserId(session)).contains("42");
    }

    @Test
    void aHashMadeUnderAFallbackKeyIsRenewedUnderANewSessionKey() {
        Session session = loggedIn(DjangoAuth.withSecretKey("old-secret"), PASSWORD_HASH);
        assertThat(session.get(DjangoAuth.HASH_SESSION_KEY)).isEqualTo(OLD_SECRET_AUTH_HASH);
        String oldKey = session.sessionKey();
        DjangoAuth rotated = auth.withSecretKeyFallbacks(List.of("old-secret"));
        assertThat(rotated.getUser(session, id -> PASSWORD_HASH)).contains("1");
        assertThat(session.sessionKey()).isNotEqualTo(oldKey);
        assertThat(session.get(DjangoAuth.HASH_SESSION_KEY)).isEqualTo(AUTH_HASH);
        assertThat(sessions.store().exists(oldKey)).isFalse();
    }

    @Test
    void theSecretKeyComesFromTheSettings() {
        DjangoAuth fromSettings = DjangoAuth.fromSettings(SessionSettings.fromMap(Map.of("SECRET_KEY", SECRET)));
        assertThat(fromSettings.sessionAuthHash(PASSWORD_HASH)).isEqualTo(AUTH_HASH);
    }

    @Test
    void aMissingOrEmptySecretKeyIsAConfigurationErrorNamingIt() {
        assertThatThrownBy(() -> DjangoAuth.withSecretKey(""))
                .isInstanceOf(SessionConfigurationException.class).hasMessageStartingWith("SECRET_KEY = '': must not be empty");
        assertThatThrownBy(() -> DjangoAuth.fromSettings(SessionSettings.defaults()))
                .isInstanceOf(SessionConfigurationException.class).hasMessageStartingWith("SECRET_KEY = None");
        assertThatThrownBy(() -> auth.withSecretKeyFallbacks(List.of("")))
                .isInstanceOf(SessionConfigurationException.class).hasMessageStartingWith("SECRET_KEY_FALLBACKS = ''");
    }

    @Test
    void noBackendsIsAConfigurationError() {
        assertThatThrownBy(() -> auth.withAuthenticationBackends(List.of()))
                .isInstanceOf(SessionConfigurationException.class).hasMessageStartingWith("AUTHENTICATION_BACKENDS = []");
    }

    @Test
    void loginWithoutABackendNeedsExactlyOneConfigured() {
        DjangoAuth two = auth.withAuthenticationBackends(List.of(DjangoAuth.MODEL_BACKEND, "myapp.backends.EmailBackend"));
        Session session = sessions.create();
        assertThatThrownBy(() -> two.login(session, "1", PASSWORD_HASH))
                .isInstanceOf(DjangoAuthException.class).hasMessageContaining("several backends");
    }

    @Test
    void badLoginInputIsATypedErrorAndLeavesTheSessionAlone() {
        Session session = sessions.create();
        session.put("cart", List.of(1L));
        assertThatThrownBy(() -> auth.login(session, "", PASSWORD_HASH))
                .isInstanceOf(DjangoAuthException.class).hasMessageStartingWith("userId = ''");
        assertThatThrownBy(() -> auth.login(session, "1", " ", PASSWORD_HASH))
                .isInstanceOf(DjangoAuthException.class).hasMessageStartingWith("backend = ' '");
        assertThatThrownBy(() -> auth.login(session, "1", null))
                .isInstanceOf(DjangoAuthException.class).hasMessageStartingWith("passwordHash = None");
        assertThat(session.items()).isEqualTo(Map.of("cart", List.of(1L)));
        assertThat(session.sessionKey()).isNull();
    }

    @Test
    void theSecretKeyIsNeverShown() {
        assertThat(auth.toString()).doesNotContain(SECRET);
    }
}
