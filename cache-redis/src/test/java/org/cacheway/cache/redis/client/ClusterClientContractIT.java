package org.cacheway.cache.redis.client;

import java.util.Map;
import org.cacheway.cache.redis.RedisContractTest;
import org.cacheway.testsupport.RedisCluster;
import org.cacheway.testsupport.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The full cache contract over {@link ClusterClient}: a cluster of 3 primaries with a replica each. */
class ClusterClientContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uris(),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient"));
    }
}
