package org.cacheway.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lettuce's command latencies and Cacheway's cache meters in one registry, through the user's ClientResources. */
class LettuceLatencyIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Test
    void commandLatenciesReachTheRegistryOfTheCacheMeters() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ClientResources resources = ClientResources.builder()
                .commandLatencyRecorder(new MicrometerCommandLatencyRecorder(registry, MicrometerOptions.create()))
                .build();
        try (Caches caches = Caches.builder().settings(Map.of("default", Map.of(
                "BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(7)))).resource(resources).build()) {
            Cache cache = CachewayCacheMetrics.monitor(registry, caches.getDefault(), "default");
            cache.set("k", "v");
            assertThat(cache.get("k")).isEqualTo("v");
            assertThat(registry.get("cache.puts").functionCounter().count()).isEqualTo(1);
            assertThat(registry.find("lettuce.command.completion").tag("command", "GET").timers()).isNotEmpty();
            assertThat(registry.find("lettuce.command.completion").tag("command", "PSETEX").timers()).isNotEmpty();
        } finally {
            resources.shutdown();
        }
    }
}
