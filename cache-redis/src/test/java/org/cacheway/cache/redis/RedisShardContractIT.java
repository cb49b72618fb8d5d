package org.cacheway.cache.redis;

import java.util.List;
import java.util.Map;
import org.cacheway.cache.redis.client.ModuloShardClient;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract suite over the routing SPI (two shards), so routed many-ops keep Django's semantics. */
class RedisShardContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", List.of(redis.get().uri(7), redis.get().uri(8)),
                "OPTIONS", Map.of("CLIENT_CLASS", ModuloShardClient.class.getName()));
    }
}
