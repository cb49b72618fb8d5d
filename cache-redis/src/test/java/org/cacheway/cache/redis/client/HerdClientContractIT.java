package org.cacheway.cache.redis.client;

import java.util.Map;
import org.cacheway.cache.redis.RedisContractTest;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The full cache contract over {@link HerdClient}. The contract expects a value to be gone right
 * after its timeout, which herd deliberately delays, so the grace is 100 ms here; every value
 * still goes through the herd format, scripts and TTL padding ({@link HerdClientIT} tests the
 * stale-serving behaviour with the default grace).
 */
class HerdClientContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(0),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.HerdClient", "HERD_TIMEOUT", 0.1));
    }
}
