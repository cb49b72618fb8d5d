package org.cacheway.cache.redis.client;

import java.util.List;
import java.util.Map;
import org.cacheway.cache.redis.RedisContractTest;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisReplicated;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The full cache contract over {@link ReplicaWaitClient}: reads from two replicas, each write WAITed for both. */
class ReplicaWaitClientContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisReplicated> redis = RedisExtension.replicated(2);

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", List.of(redis.get().primary().uri(0), redis.get().replicas().get(0).uri(0),
                        redis.get().replicas().get(1).uri(0)),
                "OPTIONS", Map.of("WAIT_REPLICAS", 2, "WAIT_TIMEOUT", 2000, "SOCKET_TIMEOUT", 5));
    }
}
