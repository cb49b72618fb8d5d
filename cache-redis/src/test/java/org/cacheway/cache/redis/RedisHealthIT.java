package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheHealth;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisReplicated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Cache.health() on Redis: a timed PING to every server the alias uses, a dead one reported, never thrown. */
class RedisHealthIT {
    @RegisterExtension
    static final RedisExtension<RedisReplicated> redis = RedisExtension.replicated(1);

    private static RedisNode replica() {
        return redis.get().replicas().get(0);
    }

    private static Caches caches() {
        return Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", List.of(redis.get().primary().uri(1), replica().uri(1)),
                "OPTIONS", Map.of("SOCKET_TIMEOUT", 1, "SOCKET_CONNECT_TIMEOUT", 1))));
    }

    @Test
    void everyServerAnswersWithItsLatency() {
        try (Caches caches = caches()) {
            CacheHealth health = caches.getDefault().health();
            System.out.println("health: " + health);
            assertThat(health.alias()).isEqualTo("default");
            assertThat(health.up()).isTrue();
            assertThat(health.nodes()).hasSize(2).allSatisfy(node -> {
                assertThat(node.up()).isTrue();
                assertThat(node.error()).isNull();
                assertThat(node.latency()).isPositive();
            });
        }
    }

    @Test
    void aDeadReplicaIsReportedDownWithTheReasonAndThePrimaryStaysUp() {
        try (Caches caches = caches()) {
            replica().kill();
            try {
                CacheHealth health = caches.getDefault().health();
                System.out.println("health with the replica down: " + health);
                assertThat(health.up()).isFalse();
                assertThat(health.nodes().get(0).up()).isTrue();
                assertThat(health.nodes().get(1).up()).isFalse();
                assertThat(health.nodes().get(1).error()).isNotBlank();
            } finally {
                replica().restart();
            }
        }
    }
}
