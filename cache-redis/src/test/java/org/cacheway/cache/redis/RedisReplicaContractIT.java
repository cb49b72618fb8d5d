package org.cacheway.cache.redis;

import java.util.List;
import java.util.Map;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisReplicated;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract suite with LOCATION = [primary, replica]: writes on the primary, reads on the
 * replica, so the suite also checks that replicated reads keep Django's semantics. The suite reads
 * its own writes at once, which a replica guarantees only once it has applied them, so each write
 * waits for the replica ({@code WAIT_REPLICAS = 1}); without that, a read racing replication fails
 * the suite now and then (seen in CI: {@code incrVersion} missing a key set a moment before).
 */
class RedisReplicaContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisReplicated> redis = RedisExtension.replicated(1);

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", List.of(redis.get().primary().uri(1), redis.get().replicas().get(0).uri(1)),
                "OPTIONS", Map.of("WAIT_REPLICAS", 1, "WAIT_TIMEOUT", 2000, "SOCKET_TIMEOUT", 5));
    }
}
