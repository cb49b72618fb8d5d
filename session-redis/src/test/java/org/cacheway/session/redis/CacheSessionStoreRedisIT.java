package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.session.Session;
import org.cacheway.session.SessionDataException;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.cache.CacheSessionStore;
import org.cacheway.session.SessionStoreContractTest;
import org.cacheway.session.Sessions;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Django's cache engine over a real {@code RedisCache}: the same store contract as over LocMemCache. */
class CacheSessionStoreRedisIT extends SessionStoreContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private Caches caches;

    @Override
    protected Sessions sessions(SessionSettings settings) {
        if (caches == null) {
            redis.get().flushAll();
            caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                    "LOCATION", redis.get().uri(5),
                    "OPTIONS", Map.of("SERIALIZER", "django_redis.serializers.json.JSONSerializer"))));
        }
        return Sessions.from(settings, caches);
    }

    @AfterEach
    void close() {
        caches.close();
    }

    private String storeGarbage() {
        String key = "g".repeat(32);
        RedisCache cache = (RedisCache) caches.getDefault();
        // A pickled dict, as Django's default serializer writes it: not JSON.
        cache.getRedisConnection().sync().set(cache.makeKey(CacheSessionStore.KEY_PREFIX + key),
                new byte[] {(byte) 0x80, 0x04, (byte) 0x95, 0x05, 0, 0, 0, 0, 0, 0, 0, '}', (byte) 0x94, '.'});
        return key;
    }

    @Test
    void undecodableBytesLoadAsAnEmptySession() {
        String key = storeGarbage();
        Session session = sessions.open(key);
        assertThat(session.items()).isEmpty();
        assertThat(session.sessionKey()).isNull();
    }

    @Test
    void undecodableBytesAreATypedErrorUnderStrictData() {
        String key = storeGarbage();
        Sessions strict = sessions(baseSettings().with("SESSION_STRICT_DATA", "True"));
        assertThatThrownBy(() -> strict.open(key).get("x")).isInstanceOf(SessionDataException.class)
                .hasMessageContaining(":1:django.contrib.sessions.cache" + key);
    }
}
