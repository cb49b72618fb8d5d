package org.cacheway.cache.redis.near;

import java.util.Map;
import org.cacheway.cache.redis.RedisContractTest;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The full cache contract with {@code NEAR_CACHE} under herd (HerdClient), on one real server; the
 * near cache sits inside herd, so herd still sees each value's soft expiry. As in
 * {@code HerdClientContractIT} the grace is 100 ms, the contract expecting values gone right
 * after their timeout.
 */
class NearCacheHerdContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(1),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.HerdClient", "HERD_TIMEOUT", 0.1,
                        "NEAR_CACHE", Map.of()));
    }
}
