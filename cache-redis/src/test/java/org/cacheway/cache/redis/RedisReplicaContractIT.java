package org.cacheway.cache.redis;

import java.util.List;
import java.util.Map;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisReplicated;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract suite with LOCATION = [primary, replica]: writes on the primary, reads on the
 * replica, so the suite also checks that replicated reads keep Django's semantics.
 */
class RedisReplicaContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisReplicated> redis = RedisExtension.replicated(1);

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", List.of(redis.get().primary().uri(1), redis.get().replicas().get(0).uri(1)));
    }
}
