package org.cacheway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cacheway.cache.Caches;
import org.cacheway.session.auth.DjangoAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Session-fixation defence as {@code django.contrib.auth.login} does it (item 132), through
 * {@link DjangoAuth}: logging in cycles the key and keeps the anonymous data; logging in as someone
 * else, or with another password hash, flushes; logging in again as the same user changes nothing;
 * logout flushes.
 */
class LoginFlowTest {
    private static final String ALICE_HASH = "pbkdf2_sha256$260000$salt$alice";
    private final Caches caches = Caches.fromSettings(Map.of("default", Map.of(
            "BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", UUID.randomUUID().toString())));
    private final Sessions sessions = Sessions.from(SessionSettings.defaults(), caches);
    private final DjangoAuth auth = DjangoAuth.withSecretKey("login-flow");

    @AfterEach
    void close() {
        caches.close();
    }

    private Session anonymousWithCart() {
        Session session = sessions.create();
        session.put("cart", List.of(1L, 2L));
        session.save();
        return sessions.open(session.sessionKey());
    }

    /** Logs {@code userId} in over {@code session} and saves it; returns the key the session had before. */
    private String loginAndSave(Session session, String userId, String passwordHash) {
        String before = session.sessionKey();
        auth.login(session, userId, passwordHash);
        session.save();
        return before;
    }

    private Session aliceLoggedIn() {
        Session session = anonymousWithCart();
        loginAndSave(session, "1", ALICE_HASH);
        return sessions.open(session.sessionKey());
    }

    @Test
    void loginCyclesTheKeyAndKeepsTheData() {
        Session session = anonymousWithCart();
        String anonymousKey = loginAndSave(session, "1", ALICE_HASH);
        assertThat(session.sessionKey()).isNotEqualTo(anonymousKey);
        assertThat(sessions.store().exists(anonymousKey)).isFalse();
        assertThat(sessions.open(anonymousKey).items()).isEmpty();
        assertThat(sessions.open(session.sessionKey()).items()).containsEntry("cart", List.of(1L, 2L))
                .containsEntry("_auth_user_id", "1");
    }

    @Test
    void loginAsAnotherUserFlushesTheOldData() {
        Session next = aliceLoggedIn();
        String aliceKey = loginAndSave(next, "2", "pbkdf2_sha256$260000$salt$bob");
        assertThat(sessions.open(next.sessionKey()).items()).doesNotContainKey("cart")
                .containsEntry("_auth_user_id", "2");
        assertThat(sessions.store().exists(aliceKey)).isFalse();
    }

    @Test
    void loginWithAnotherPasswordHashFlushes() {
        Session next = aliceLoggedIn();
        String oldKey = loginAndSave(next, "1", "pbkdf2_sha256$260000$salt$changed");
        assertThat(next.sessionKey()).isNotEqualTo(oldKey);
        assertThat(sessions.open(next.sessionKey()).items()).doesNotContainKey("cart");
    }

    @Test
    void loginAgainAsTheSameUserKeepsTheKeyAndTheData() {
        Session again = aliceLoggedIn();
        String key = loginAndSave(again, "1", ALICE_HASH);
        assertThat(again.sessionKey()).isEqualTo(key);
        assertThat(sessions.open(key).items()).containsEntry("cart", List.of(1L, 2L));
    }

    @Test
    void logoutFlushes() {
        Session request = aliceLoggedIn();
        String key = request.sessionKey();
        DjangoAuth.logout(request);
        assertThat(request.isEmpty()).isTrue();
        assertThat(sessions.store().exists(key)).isFalse();
    }
}
