package org.cacheway.cache.redis.near;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The miss-then-invalidate race driven until it would have shown up: another client writes one
 * key as fast as it can while 4 threads read it through the near cache; after the last write
 * every reader must see the last value within a bound. A value read while its invalidation was
 * in flight and kept anyway would be served for ever, since nothing changes the key afterwards
 * (Lettuce's own client-side caching fails this within 20 rounds).
 */
class NearCacheRaceIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final int ROUNDS = 30;
    private static final int WRITES_PER_ROUND = 300;
    private static final int READERS = 4;
    private static final Duration BOUND = Duration.ofSeconds(1);

    @Test
    void noReaderKeepsAValueThatAnInvalidationOverlapped() throws Exception {
        RedisClient lettuce = RedisClient.create(redis.get().uri(1));
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try (Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(1), "OPTIONS", Map.of("NEAR_CACHE", Map.of()))));
                StatefulRedisConnection<String, String> writer = lettuce.connect()) {
            RedisCache cache = caches.get("default", RedisCache.class);
            String made = cache.makeKey("race");
            long worst = 0;
            for (int round = 0; round < ROUNDS; round++) {
                long last = (long) (round + 1) * WRITES_PER_ROUND;
                AtomicBoolean writing = new AtomicBoolean(true);
                List<Future<Long>> reads = new ArrayList<>();
                for (int r = 0; r < READERS; r++) {
                    reads.add(readers.submit(() -> readUntil(cache, writing, last)));
                }
                for (long value = last - WRITES_PER_ROUND + 1; value <= last; value++) {
                    writer.sync().set(made, Long.toString(value));
                }
                writing.set(false);
                for (Future<Long> read : reads) {
                    worst = Math.max(worst, read.get(30, TimeUnit.SECONDS));
                }
            }
            System.out.printf("near cache: %d rounds of %d writes against %d readers; the last value reached every "
                    + "reader within %.3f ms of the last write; %s%n", ROUNDS, WRITES_PER_ROUND, READERS,
                    worst / 1000.0, cache.nearCacheStatistics().orElseThrow());
            assertThat(cache.nearCacheStatistics().orElseThrow().hits()).as("the readers were served locally")
                    .isPositive();
        } finally {
            readers.shutdownNow();
            lettuce.shutdown();
        }
    }

    /** Reads while the writer writes, then until the last value is seen: microseconds that took after the writes. */
    private static long readUntil(RedisCache cache, AtomicBoolean writing, long last) {
        while (writing.get()) {
            cache.get("race");
        }
        long done = System.nanoTime();
        long deadline = done + BOUND.toNanos();
        Object seen = cache.get("race");
        while (!Long.valueOf(last).equals(seen) && System.nanoTime() < deadline) {
            seen = cache.get("race");
        }
        assertThat(seen).as("the value read %d ms after the last write", BOUND.toMillis()).isEqualTo(last);
        return (System.nanoTime() - done) / 1_000;
    }
}
