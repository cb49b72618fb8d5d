package org.cacheway.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The near cache's meters of a Redis alias, on a real redis-server. */
class NearCacheMetersIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static Caches caches(Map<String, Object> options) {
        return Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(6), "OPTIONS", options)));
    }

    @Test
    void nearCacheReadsAreMeteredByResult() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (Caches caches = caches(Map.of("NEAR_CACHE", Map.of()))) {
            Cache cache = CachewayCacheMetrics.monitor(registry, caches.getDefault(), "default");
            cache.set("k", "v");
            FunctionCounter hits = registry.get("cache.near.gets").tags("cache", "default", "result", "hit")
                    .functionCounter();
            FunctionCounter misses = registry.get("cache.near.gets").tags("result", "miss").functionCounter();
            // Tracking is confirmed asynchronously: read until the local copy answers.
            long reads = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (hits.count() == 0 && System.nanoTime() < deadline) {
                cache.get("k");
                reads++;
            }
            assertThat(hits.count()).isEqualTo(1);
            assertThat(hits.count() + misses.count()).isEqualTo(reads);
            assertThat(registry.get("cache.near.size").gauge().value()).isEqualTo(1);
        }
    }

    @Test
    void aliasWithoutANearCacheHasNoNearMeters() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (Caches caches = caches(Map.of())) {
            CachewayCacheMetrics.monitor(registry, caches.getDefault(), "default");
            assertThat(registry.find("cache.near.gets").meters()).isEmpty();
            assertThat(registry.find("cache.gets").meters()).hasSize(2);
        }
    }
}
