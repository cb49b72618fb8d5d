package org.cacheway.cache.redis.client;

import java.util.List;
import java.util.Map;
import org.cacheway.cache.redis.RedisContractTest;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The full cache contract over {@link ShardClient} on three independent Redis servers. */
class ShardClientContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> first = RedisExtension.standalone();
    @RegisterExtension
    static final RedisExtension<RedisStandalone> second = RedisExtension.standalone();
    @RegisterExtension
    static final RedisExtension<RedisStandalone> third = RedisExtension.standalone();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", List.of(first.get().uri(0), second.get().uri(0), third.get().uri(0)),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.ShardClient"));
    }
}
