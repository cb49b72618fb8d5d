package org.cacheway.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.cacheway.cache.Caches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Session-fixation defence as {@code django.contrib.auth.login} does it (item 132): logging in
 * cycles the key and keeps the anonymous data; logging in as someone else flushes; logout flushes.
 */
class LoginFlowTest {
    private final Caches caches = Caches.fromSettings(Map.of("default", Map.of(
            "BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", UUID.randomUUID().toString())));
    private final Sessions sessions = Sessions.from(SessionSettings.defaults(), caches);

    @AfterEach
    void close() {
        caches.close();
    }

    /** What Django's login does to the session. */
    private static void login(Session session, String userId) {
        Object current = session.get("_auth_user_id");
        if (current != null && !Objects.equals(current, userId)) {
            session.flush();
        } else {
            session.cycleKey();
        }
        session.put("_auth_user_id", userId);
        session.put("_auth_user_backend", "django.contrib.auth.backends.ModelBackend");
    }

    private Session anonymousWithCart() {
        Session session = sessions.create();
        session.put("cart", java.util.List.of(1L, 2L));
        session.save();
        return sessions.open(session.sessionKey());
    }

    @Test
    void loginCyclesTheKeyAndKeepsTheData() {
        Session session = anonymousWithCart();
        String anonymousKey = session.sessionKey();
        login(session, "1");
        session.save();
        assertThat(session.sessionKey()).isNotEqualTo(anonymousKey);
        assertThat(sessions.store().exists(anonymousKey)).isFalse();
        assertThat(sessions.open(anonymousKey).items()).isEmpty();
        assertThat(sessions.open(session.sessionKey()).items()).containsEntry("cart", java.util.List.of(1L, 2L))
                .containsEntry("_auth_user_id", "1");
    }

    @Test
    void loginAsAnotherUserFlushesTheOldData() {
        Session session = anonymousWithCart();
        login(session, "1");
        session.save();
        Session next = sessions.open(session.sessionKey());
        login(next, "2");
        next.save();
        assertThat(sessions.open(next.sessionKey()).items()).doesNotContainKey("cart")
                .containsEntry("_auth_user_id", "2");
        assertThat(sessions.store().exists(session.sessionKey())).isFalse();
    }

    @Test
    void logoutFlushes() {
        Session session = anonymousWithCart();
        login(session, "1");
        session.save();
        String key = session.sessionKey();
        Session request = sessions.open(key);
        request.flush();
        assertThat(request.isEmpty()).isTrue();
        assertThat(sessions.store().exists(key)).isFalse();
    }
}
