package org.cacheway.cache.redis.near;

import java.util.Map;
import org.cacheway.cache.redis.RedisContractTest;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The full cache contract with {@code NEAR_CACHE} on the default client, on one real server. */
class NearCacheContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(1),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.DefaultClient", "NEAR_CACHE", Map.of()));
    }
}
