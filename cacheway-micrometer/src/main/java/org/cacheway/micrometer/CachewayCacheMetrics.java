package org.cacheway.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheStatistics;

/**
 * Micrometer's cache meters for a Cacheway cache, from its {@link Cache#statistics()}:
 * {@code cache.gets{result=hit|miss}}, {@code cache.puts}, {@code cache.evictions} and
 * {@code cache.size} where the backend knows them, tagged {@code cache=<name>}; and, as Caffeine's
 * binder does, {@code cache.removals} (keys deleted), {@code cache.load{result=success|failure}} and
 * {@code cache.load.duration} for {@code getOrSet} computations; for a Redis alias with a near
 * cache, {@code cache.near.*} (when cache-redis is on the class path). The cache is held weakly, as
 * {@link CacheMeterBinder} does.
 *
 * <pre>{@code
 * CachewayCacheMetrics.monitor(registry, caches.get("default"), "default");
 * }</pre>
 */
public class CachewayCacheMetrics extends CacheMeterBinder<Cache> {

    /**
     * A binder for {@code cache} under {@code cacheName}.
     *
     * @param tags tags added to every meter besides {@code cache=<cacheName>}
     */
    public CachewayCacheMetrics(Cache cache, String cacheName, Iterable<Tag> tags) {
        super(cache, cacheName, tags);
    }

    /**
     * Binds the meters of {@code cache} to {@code registry} and returns the cache.
     *
     * @param tags key-value pairs, as {@link Tags#of(String...)} takes them
     */
    public static Cache monitor(MeterRegistry registry, Cache cache, String cacheName, String... tags) {
        new CachewayCacheMetrics(cache, cacheName, Tags.of(tags)).bindTo(registry);
        return cache;
    }

    private CacheStatistics statistics() {
        Cache cache = getCache();
        return cache == null ? CacheStatistics.NONE : cache.statistics();
    }

    private static Long orNull(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    @Override
    protected Long size() {
        return orNull(statistics().size());
    }

    @Override
    protected long hitCount() {
        return statistics().hits();
    }

    @Override
    protected Long missCount() {
        return statistics().misses();
    }

    @Override
    protected Long evictionCount() {
        return orNull(statistics().evictions());
    }

    @Override
    protected long putCount() {
        return statistics().puts();
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
        Cache cache = getCache();
        counter(registry, cache, "cache.removals", "The number of keys deleted from the cache",
                c -> statistics().deletes(), Tags.empty());
        counter(registry, cache, "cache.load", "The number of getOrSet computations that returned a value",
                c -> statistics().loadSuccesses(), Tags.of("result", "success"));
        counter(registry, cache, "cache.load", "The number of getOrSet computations that threw",
                c -> statistics().loadFailures(), Tags.of("result", "failure"));
        FunctionTimer.builder("cache.load.duration", cache,
                c -> { CacheStatistics s = statistics(); return s.loadSuccesses() + s.loadFailures(); },
                c -> statistics().totalLoadTime().toNanos(), TimeUnit.NANOSECONDS)
                .tags(getTagsWithCacheName())
                .description("The time getOrSet computations took")
                .register(registry);
        NearCacheMeters.bind(registry, cache, getTagsWithCacheName());
    }

    private void counter(MeterRegistry registry, Cache cache, String name, String description,
            ToDoubleFunction<Cache> count, Tags extra) {
        FunctionCounter.builder(name, cache, count).tags(getTagsWithCacheName()).tags(extra)
                .description(description).register(registry);
    }
}
