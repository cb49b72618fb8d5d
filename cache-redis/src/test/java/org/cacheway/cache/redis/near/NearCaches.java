package org.cacheway.cache.redis.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.cacheway.cache.redis.RedisCache;

/** Test helpers for near caches on real servers: waiting for local hits, measuring how soon a change is seen. */
final class NearCaches {
    /** How long another client's change may take to reach the near cache on this machine. */
    static final Duration BOUND = Duration.ofSeconds(1);

    private NearCaches() {
    }

    /**
     * A fail-open near-cache alias on {@code location} with {@code clientClass}, with the short
     * timeouts of the failover tests.
     */
    static Map<String, Map<String, Object>> failoverSettings(Object location, String clientClass) {
        return Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", location,
                "OPTIONS", Map.of("CLIENT_CLASS", clientClass, "SOCKET_TIMEOUT", 1, "SOCKET_CONNECT_TIMEOUT", 1,
                        "RECONNECT_MAX_DELAY", 0.5, "IGNORE_EXCEPTIONS", true, "NEAR_CACHE", Map.of())));
    }

    /** Reads {@code key} until the near cache serves it locally (tracking is confirmed asynchronously). */
    static void readUntilLocal(RedisCache cache, String key) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        long hits = cache.nearCacheStatistics().orElseThrow().hits();
        while (System.nanoTime() < deadline) {
            cache.get(key);
            if (cache.nearCacheStatistics().orElseThrow().hits() > hits) {
                return;
            }
        }
        throw new AssertionError("the near cache never served '" + key + "' locally: "
                + cache.nearCacheStatistics().orElseThrow());
    }

    /** Milliseconds until {@code read} answers {@code expected} (read in a tight loop), printed with {@code what}. */
    static long millisUntil(String what, Supplier<Object> read, Object expected, Duration bound) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        Object seen = read.get();
        while (!Objects.equals(seen, expected) && System.nanoTime() < deadline) {
            seen = read.get();
        }
        long micros = (System.nanoTime() - start) / 1_000;
        assertThat(seen).as("%s: still read after %d ms", what, bound.toMillis()).isEqualTo(expected);
        System.out.printf("near cache: %s seen after %.3f ms%n", what, micros / 1000.0);
        return micros / 1000;
    }
}
