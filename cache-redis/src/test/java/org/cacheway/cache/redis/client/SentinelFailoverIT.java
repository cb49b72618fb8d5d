package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisSentinelGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Kills the primary under a steady set/get load and measures how many operations failed and how
 * long until writes succeeded again through {@link SentinelClient}, with no restart of the cache.
 * The topology's sentinels use down-after 1 s, quorum 2, failover-timeout 5 s.
 */
class SentinelFailoverIT {
    @RegisterExtension
    static final RedisExtension<RedisSentinelGroup> redis = RedisExtension.sentinel();

    @Test
    void writesRecoverAfterThePrimaryDies() throws Exception {
        try (Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().sentinelUri(0), "OPTIONS", Map.of("CLIENT_CLASS",
                        "django_redis.client.SentinelClient", "SOCKET_TIMEOUT", 1, "SOCKET_CONNECT_TIMEOUT", 1,
                        "RECONNECT_MAX_DELAY", 0.5))))) {
            Cache cache = caches.getDefault();
            cache.set("before", "ok");
            RedisNode primary = redis.get().primary();
            try (FailoverProbe probe = FailoverProbe.start(cache)) {
                Thread.sleep(1_000);
                probe.mark();
                long killed = System.nanoTime();
                primary.kill();
                RedisNode promoted = redis.get().awaitFailover(primary, Duration.ofSeconds(30));
                long promotedMillis = (System.nanoTime() - killed) / 1_000_000;
                long recovery = probe.awaitRecovery(Duration.ofSeconds(2), Duration.ofSeconds(30));
                System.out.printf("FAILOVER FIGURES [SentinelClient]: primary %s killed; sentinels promoted %s after "
                        + "%d ms; writes failing for %d ms; %d of %d operations failed (last error: %s)%n",
                        primary.address(), promoted.address(), promotedMillis, recovery, probe.failuresSinceMark(),
                        probe.operationsSinceMark(), probe.lastError());
                assertThat(recovery).as("writes recovered within 30 s").isBetween(0L, 30_000L);
            }
            cache.set("after", "works", Timeout.seconds(60));
            assertThat(cache.get("after")).isEqualTo("works");
        }
    }
}
