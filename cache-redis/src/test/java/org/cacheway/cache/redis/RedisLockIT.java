package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.lock.LockNotOwnedException;
import org.cacheway.cache.redis.lock.RedisLock;
import org.cacheway.cache.redis.lock.RedisLockException;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redis locks across threads on a real server (acceptance case 72). */
class RedisLockIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private Caches caches;
    private RedisCache cache;

    @BeforeEach
    void open() {
        redis.get().flushAll();
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(1))));
        cache = (RedisCache) caches.getDefault();
    }

    @AfterEach
    void close() {
        caches.close();
    }

    @Test
    void heldLockIsAKeyUntilReleased() {
        RedisLock lock = cache.lock("foobar");
        assertThat(lock.acquire()).isTrue();
        assertThat(cache.hasKey("foobar")).isTrue();
        assertThat(lock.key()).isEqualTo(":1:foobar");
        lock.release();
        assertThat(cache.hasKey("foobar")).isFalse();
    }

    @Test
    void counterIncrementedNonAtomicallyUnderTheLockStaysExact() throws Exception {
        cache.set("counter", 0);
        int threads = 4;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        try (RedisLock lock = cache.lock("counter-lock", Duration.ofSeconds(10), Duration.ofMillis(2),
                                Duration.ofSeconds(30)).acquireOrThrow()) {
                            long read = (Long) cache.get("counter");
                            Thread.yield();
                            cache.set("counter", read + 1);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.get("counter")).isEqualTo((long) threads * rounds);
    }

    @Test
    void nonBlockingAcquireFailsAtOnceWhileHeld() {
        RedisLock holder = cache.lock("busy");
        assertThat(holder.acquire(false)).isTrue();
        assertThat(cache.lock("busy").acquire(false)).isFalse();
        holder.release();
        assertThat(cache.lock("busy").acquire(false)).isTrue();
    }

    @Test
    void abandonedLockExpires() throws Exception {
        assertThat(cache.lock("abandoned", Duration.ofMillis(300)).acquire(false)).isTrue();
        assertThat(cache.pttl("abandoned")).isBetween(1L, 300L);
        RedisLock next = cache.lock("abandoned", Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofSeconds(5));
        long start = System.nanoTime();
        assertThat(next.acquire()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        next.release();
    }

    @Test
    void releaseByANonHolderIsRefused() {
        RedisLock first = cache.lock("owned", Duration.ofMillis(200));
        assertThat(first.acquire(false)).isTrue();
        cache.delete("owned");
        RedisLock second = cache.lock("owned", Duration.ofSeconds(10));
        assertThat(second.acquire(false)).isTrue();
        assertThatThrownBy(first::release)
                .isInstanceOf(LockNotOwnedException.class)
                .hasMessage("Cannot release a lock that's no longer owned");
        assertThat(second.owned()).isTrue();
        second.release();
    }

    @Test
    void releasingAnUnheldLockIsAnError() {
        assertThatThrownBy(() -> cache.lock("never").release())
                .isInstanceOf(RedisLockException.class)
                .hasMessage("Cannot release an unlocked lock");
    }

    @Test
    void blockingAcquireGivesUpAfterTheBlockingTimeout() {
        assertThat(cache.lock("slow").acquire(false)).isTrue();
        RedisLock waiting = cache.lock("slow", null, Duration.ofMillis(20), Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(waiting.acquire()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
        assertThatThrownBy(waiting::acquireOrThrow).isInstanceOf(RedisLockException.class)
                .hasMessage("Unable to acquire lock within the time specified");
    }

    @Test
    void anotherThreadMayReleaseTheLockObject() throws Exception {
        RedisLock lock = cache.lock("shared");
        assertThat(lock.acquire()).isTrue();
        CompletableFuture.runAsync(lock::release).get(5, TimeUnit.SECONDS);
        assertThat(lock.locked()).isFalse();
    }

    @Test
    void onlyTheHolderExtends() {
        RedisLock lock = cache.lock("ext", Duration.ofSeconds(10));
        assertThat(lock.acquire()).isTrue();
        lock.extend(Duration.ofSeconds(20));
        assertThat(cache.ttl("ext")).isBetween(28L, 30L);
        lock.extend(Duration.ofSeconds(5), true);
        assertThat(cache.ttl("ext")).isBetween(4L, 5L);
        cache.delete("ext");
        assertThatThrownBy(() -> lock.extend(Duration.ofSeconds(1))).isInstanceOf(LockNotOwnedException.class);
    }

    @Test
    void lockUsedAfterTheRegistryClosedIsAClosedCacheError() {
        RedisLock lock = cache.lock("late");
        caches.close();
        assertThatThrownBy(lock::acquire).isInstanceOf(org.cacheway.cache.CacheClosedException.class);
        assertThatThrownBy(() -> cache.lock("later")).isInstanceOf(org.cacheway.cache.CacheClosedException.class);
    }

    @Test
    void lockTokenIsStoredRawAsThirtyTwoHexCharacters() {
        RedisLock lock = cache.lock("token");
        lock.acquire();
        byte[] token = cache.getRedisConnection().sync().get(":1:token");
        assertThat(new String(token, java.nio.charset.StandardCharsets.US_ASCII)).matches("[0-9a-f]{32}");
        lock.release();
    }
}
