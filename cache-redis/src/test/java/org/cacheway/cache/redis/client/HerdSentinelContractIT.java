package org.cacheway.cache.redis.client;

import java.util.Map;
import org.cacheway.cache.redis.RedisContractTest;
import org.cacheway.testsupport.RedisSentinelGroup;
import org.cacheway.testsupport.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The full cache contract over {@link Herd} around {@link SentinelClient}: 3 sentinels, a primary and 2 replicas (grace 100 ms, as {@link HerdClientContractIT}). */
class HerdSentinelContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisSentinelGroup> redis = RedisExtension.sentinel();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().sentinelUri(0),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.SentinelClient", "HERD_TIMEOUT", 0.1));
    }
}
