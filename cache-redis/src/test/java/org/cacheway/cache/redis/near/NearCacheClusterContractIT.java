package org.cacheway.cache.redis.near;

import java.util.Map;
import org.cacheway.cache.redis.RedisContractTest;
import org.cacheway.testsupport.RedisCluster;
import org.cacheway.testsupport.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The full cache contract with {@code NEAR_CACHE} on the cluster client: 3 primaries with a replica each. */
class NearCacheClusterContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uris(),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient", "NEAR_CACHE", Map.of()));
    }
}
