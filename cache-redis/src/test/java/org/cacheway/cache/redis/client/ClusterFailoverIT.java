package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.testsupport.RedisCluster;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kills one primary of the cluster under a steady set/get load spread over all slots and measures
 * how many operations failed and how long until writes succeeded again through
 * {@link ClusterClient}, with no restart of the cache (cluster-node-timeout 2 s).
 */
class ClusterFailoverIT {
    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    @Test
    void writesRecoverAfterAPrimaryDies() throws Exception {
        try (Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uris(), "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient",
                        "SOCKET_TIMEOUT", 1, "SOCKET_CONNECT_TIMEOUT", 1, "RECONNECT_MAX_DELAY", 0.5))))) {
            Cache cache = caches.getDefault();
            cache.set("before", "ok");
            RedisNode victim = redis.get().primaries().get(0);
            try (FailoverProbe probe = FailoverProbe.start(cache)) {
                Thread.sleep(1_000);
                probe.mark();
                long killed = System.nanoTime();
                victim.kill();
                long recovery = probe.awaitRecovery(Duration.ofSeconds(3), Duration.ofSeconds(45));
                long measured = (System.nanoTime() - killed) / 1_000_000;
                System.out.printf("FAILOVER FIGURES [ClusterClient]: primary %s killed; writes failing for %d ms "
                        + "(measured over %d ms); %d of %d operations failed (last error: %s)%n", victim.address(),
                        recovery, measured, probe.failuresSinceMark(), probe.operationsSinceMark(), probe.lastError());
                assertThat(recovery).as("writes recovered within 30 s").isBetween(0L, 30_000L);
            }
            redis.get().awaitHealthy(Duration.ofSeconds(30));
            for (int i = 0; i < 50; i++) {
                cache.set("after-" + i, i, Timeout.seconds(60));
                assertThat(cache.get("after-" + i)).isEqualTo((long) i);
            }
        }
    }
}
