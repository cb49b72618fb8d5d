package org.cacheway.session.redis;

import java.util.Map;
import org.cacheway.cache.Caches;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.SessionStoreContractTest;
import org.cacheway.session.Sessions;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
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
}
