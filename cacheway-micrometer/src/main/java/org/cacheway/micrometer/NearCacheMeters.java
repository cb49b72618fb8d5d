package org.cacheway.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToLongFunction;
import org.cacheway.cache.Cache;
import org.cacheway.cache.redis.NearCacheStatistics;
import org.cacheway.cache.redis.RedisCache;

/**
 * The meters of a Redis alias's near cache ({@code OPTIONS['NEAR_CACHE']}), when it has one:
 * {@code cache.near.gets{result=hit|miss}}, {@code cache.near.evictions},
 * {@code cache.near.invalidations}, {@code cache.near.flushes} and {@code cache.near.size}.
 * cache-redis is an optional dependency: its types are only touched when it is on the class path.
 */
final class NearCacheMeters {
    private static final boolean REDIS = present("org.cacheway.cache.redis.RedisCache");

    private NearCacheMeters() {
    }

    /** Binds the near cache's meters when {@code cache} is a Redis alias with a near cache. */
    static void bind(MeterRegistry registry, Cache cache, Iterable<Tag> tags) {
        if (REDIS && Redis.hasNearCache(cache)) {
            Redis.bind(registry, (RedisCache) cache, tags);
        }
    }

    private static boolean present(String name) {
        try {
            Class.forName(name, false, NearCacheMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The only place naming cache-redis's types, loaded only when they are present. */
    private static final class Redis {
        static boolean hasNearCache(Cache cache) {
            return cache instanceof RedisCache redis && redis.nearCacheStatistics().isPresent();
        }

        static void bind(MeterRegistry registry, RedisCache cache, Iterable<Tag> tags) {
            counter(registry, cache, tags, "cache.near.gets", "Reads answered by the near cache (hit) or sent to Redis (miss)",
                    NearCacheStatistics::hits, Tags.of("result", "hit"));
            counter(registry, cache, tags, "cache.near.gets", "Reads answered by the near cache (hit) or sent to Redis (miss)",
                    NearCacheStatistics::misses, Tags.of("result", "miss"));
            counter(registry, cache, tags, "cache.near.evictions", "Entries dropped to keep the near cache within MAX_ENTRIES",
                    NearCacheStatistics::evictions, Tags.empty());
            counter(registry, cache, tags, "cache.near.invalidations", "Keys Redis said changed",
                    NearCacheStatistics::invalidations, Tags.empty());
            counter(registry, cache, tags, "cache.near.flushes", "Times the whole near cache was dropped",
                    NearCacheStatistics::flushes, Tags.empty());
            Gauge.builder("cache.near.size", cache, c -> read(c, NearCacheStatistics::size)).tags(tags)
                    .description("Entries the near cache holds").register(registry);
        }

        private static void counter(MeterRegistry registry, RedisCache cache, Iterable<Tag> tags, String name,
                String description, ToLongFunction<NearCacheStatistics> figure, Tags extra) {
            FunctionCounter.builder(name, cache, c -> read(c, figure)).tags(tags).tags(extra)
                    .description(description).register(registry);
        }

        private static double read(RedisCache cache, ToLongFunction<NearCacheStatistics> figure) {
            return cache.nearCacheStatistics().map(figure::applyAsLong).orElse(0L);
        }
    }
}
