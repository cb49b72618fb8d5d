package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.Caches;
import org.cacheway.session.Session;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hash store runs on its alias's client layer: it owns no connection a per-request close could
 * kill, reconnects with the client, and reports outages as Cacheway's typed errors or, with
 * {@code IGNORE_EXCEPTIONS}, survives them.
 */
class RedisSessionStoreClientLayerIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static Caches caches(Map<String, Object> options) {
        return Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(3), "OPTIONS", options)));
    }

    private static Sessions sessions(Caches caches) {
        return Sessions.from(SessionSettings.fromMap(Map.of("SESSION_ENGINE", RedisSessionStore.class.getName())),
                caches);
    }

    @Test
    void aThousandPerRequestClosesWithCloseConnectionLeaveTheStoreWorking() {
        try (Caches caches = caches(Map.of("CLOSE_CONNECTION", true, "SOCKET_TIMEOUT", 5))) {
            Sessions sessions = sessions(caches);
            Cache cache = caches.getDefault();
            Session session = sessions.create();
            session.put("visits", 0L);
            session.save();
            String key = session.sessionKey();
            for (long visit = 1; visit <= 1000; visit++) {
                Session request = sessions.open(key);
                request.put("visits", visit);
                request.save();
                cache.close();
            }
            assertThat(sessions.open(key).get("visits")).isEqualTo(1000L);
        }
    }

    @Test
    void anOutageIsACacheConnectionExceptionAndTheStoreRecoversAfterIt() {
        try (Caches caches = caches(Map.of("SOCKET_TIMEOUT", 2, "SOCKET_CONNECT_TIMEOUT", 1))) {
            Sessions sessions = sessions(caches);
            Session session = sessions.create();
            session.put("user", "alice");
            session.save();
            String key = session.sessionKey();
            redis.get().server().pause();
            try {
                assertThatThrownBy(() -> sessions.store().load(key)).isInstanceOf(CacheConnectionException.class);
            } finally {
                redis.get().server().resume();
            }
            assertThat(sessions.open(key).get("user")).isEqualTo("alice");
        }
    }

    @Test
    void failOpenLoadsNoSessionDuringAnOutage() {
        try (Caches caches = caches(Map.of("SOCKET_TIMEOUT", 1, "IGNORE_EXCEPTIONS", true))) {
            Sessions sessions = sessions(caches);
            Session session = sessions.create();
            session.put("user", "alice");
            session.save();
            String key = session.sessionKey();
            redis.get().server().pause();
            try {
                assertThat(sessions.store().load(key)).isEmpty();
                assertThat(sessions.store().exists(key)).isFalse();
            } finally {
                redis.get().server().resume();
            }
            assertThat(sessions.store().load(key)).isPresent();
        }
    }
}
