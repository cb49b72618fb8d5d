package org.cacheway.cache.redis.near;

import java.util.Map;
import org.cacheway.cache.redis.RedisContractTest;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisSentinelGroup;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The full cache contract with {@code NEAR_CACHE} on the sentinel client: 3 sentinels, a primary and 2 replicas. */
class NearCacheSentinelContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisSentinelGroup> redis = RedisExtension.sentinel();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().sentinelUri(0),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.SentinelClient", "NEAR_CACHE", Map.of()));
    }
}
