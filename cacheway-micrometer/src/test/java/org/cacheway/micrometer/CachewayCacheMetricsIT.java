package org.cacheway.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinderCompatibilityKit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Micrometer's compatibility kit for cache binders, and Cacheway's own meters, on a real redis-server. */
class CachewayCacheMetricsIT extends CacheMeterBinderCompatibilityKit<Cache> {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private Caches caches;

    @Override
    public Cache createCache() {
        redis.get().flushAll();
        Map<String, Object> redisAlias = Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(5));
        caches = Caches.fromSettings(Map.of("default", redisAlias, "mycache", redisAlias));
        return caches.get("mycache");
    }

    /** Drops the registry too, which holds the cache: the binder's weak reference must not keep it. */
    @Override
    public void dereferenceCache() {
        super.dereferenceCache();
        caches.close();
        caches = null;
    }

    @AfterEach
    void close() {
        if (caches != null) {
            caches.close();
        }
    }

    @Override
    public CacheMeterBinder<Cache> binder() {
        return new CachewayCacheMetrics(cache, "mycache", Tags.empty());
    }

    @Override
    public void put(String key, String value) {
        cache.set(key, value);
    }

    @Override
    public String get(String key) {
        return (String) cache.get(key);
    }

    @Test
    void loadsAndRemovalsAreMeteredPerAlias() {
        MeterRegistry registry = new SimpleMeterRegistry();
        CachewayCacheMetrics.monitor(registry, cache, "mycache", "app", "shop");
        cache.getOrSet("k", () -> "computed");
        try {
            cache.getOrSet("broken", () -> {
                throw new IllegalStateException("no");
            });
        } catch (IllegalStateException expected) {
            // counted as a failed load
        }
        cache.delete("k");
        assertThat(registry.get("cache.load").tags("cache", "mycache", "app", "shop", "result", "success")
                .functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cache.load").tags("result", "failure").functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("cache.removals").functionCounter().count()).isEqualTo(1);
        FunctionTimer duration = registry.get("cache.load.duration").functionTimer();
        assertThat(duration.count()).isEqualTo(2);
        assertThat(duration.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }
}
