package org.cacheway.cache.redis;

import java.util.Map;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RedisCache with the default client on one real Redis server runs the whole cache contract suite. */
class RedisCacheContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(1),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.DefaultClient"));
    }
}
