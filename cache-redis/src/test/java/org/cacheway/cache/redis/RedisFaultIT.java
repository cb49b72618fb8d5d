package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.CacheTimeoutException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server killed and restarted, or frozen past {@code SOCKET_TIMEOUT}: fail-open answers as for a
 * miss within about the timeout, strict mode throws typed errors naming the operation and key, and
 * the same cache works again once the server is back, with no restart.
 */
class RedisFaultIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final Duration SOCKET_TIMEOUT = Duration.ofMillis(500);
    /** Slack over the socket timeout for a bounded wait (JVM, scheduling on a busy machine). */
    private static final Duration BOUND = SOCKET_TIMEOUT.plusMillis(1500);

    private Caches caches;

    @BeforeEach
    void open() {
        RedisNode server = redis.get().server();
        if (!server.isRunning()) {
            server.restart();
        }
        redis.get().flushAll();
        Map<String, Object> options = Map.of("SOCKET_TIMEOUT", 0.5, "SOCKET_CONNECT_TIMEOUT", 0.5,
                "RECONNECT_MAX_DELAY", 0.2);
        caches = Caches.fromSettings(Map.of(
                "default", block(Map.of("IGNORE_EXCEPTIONS", true, "LOG_IGNORED_EXCEPTIONS", true), options),
                "strict", block(Map.of(), options)));
    }

    private static Map<String, Object> block(Map<String, Object> extra, Map<String, Object> options) {
        Map<String, Object> all = new java.util.HashMap<>(options);
        all.putAll(extra);
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(1), "OPTIONS", all);
    }

    @AfterEach
    void close() {
        RedisNode server = redis.get().server();
        if (!server.isRunning()) {
            server.restart();
        }
        server.resume();
        caches.close();
    }

    private RedisCache cache(String alias) {
        return (RedisCache) caches.get(alias);
    }

    @Test
    void failOpenAnswersAsMissesWhileTheServerIsDownAndRecoversAfterRestart() throws Exception {
        RedisCache cache = cache("default");
        assertThat(cache.set("k", "v")).isTrue();
        redis.get().server().kill();

        assertBounded(() -> cache.get("k")).isNull();
        assertThat(cache.getOrDefault("k", "default")).isEqualTo("default");
        assertThat(cache.getMany(List.of("k", "x"))).isEmpty();
        assertBounded(() -> cache.set("k", "w")).isEqualTo(false);
        assertThat(cache.add("n", 1)).isFalse();
        assertThat(cache.delete("k")).isFalse();
        assertThat(cache.hasKey("k")).isFalse();
        assertThat(cache.touch("k", Timeout.seconds(5))).isFalse();
        assertThat(cache.setMany(Map.of("a", 1))).containsExactly("a");
        assertThat(cache.ttl("k")).isZero();
        assertThat(cache.persist("k")).isFalse();
        assertThat(cache.keys("*")).isEmpty();
        assertThat(cache.async().get("k").get(5, TimeUnit.SECONDS)).isNull();
        assertThat(cache.asyncExtras().ttl("k").get(5, TimeUnit.SECONDS)).isZero();
        assertThatThrownBy(() -> cache.incr("k")).isInstanceOf(CacheConnectionException.class);

        redis.get().server().restart();
        awaitWorking(cache);
        assertThat(cache.get("again")).isEqualTo("yes");
    }

    @Test
    void hashAndSetOperationsFailOpenWhileTheServerIsDown() throws Exception {
        RedisCache cache = cache("default");
        cache.sadd("s", "a");
        redis.get().server().kill();

        assertBounded(() -> cache.sadd("s", "b")).isEqualTo(0L);
        assertThat(cache.smembers("s")).isEmpty();
        assertThat(cache.sismember("s", "a")).isFalse();
        assertThat(cache.spop("s")).isNull();
        assertThat(cache.hset("h", "f", 1)).isZero();
        assertThat(cache.hget("h", "f")).isNull();
        assertThat(cache.hkeys("h")).isEmpty();
        assertThat(cache.sscanIter("s", null, 10).hasNext()).isFalse();
        assertThat(cache.asyncCollections().smembers("s").get(5, TimeUnit.SECONDS)).isEmpty();

        redis.get().server().restart();
        awaitWorking(cache);
    }

    @Test
    void strictModeNamesTheOperationAndKeyWhileTheServerIsDown() {
        RedisCache cache = cache("strict");
        cache.set("k", "v");
        redis.get().server().kill();
        assertThatThrownBy(() -> cache.get("k"))
                .isInstanceOf(CacheConnectionException.class)
                .hasMessageContaining("get").hasMessageContaining(":1:k").hasMessageContaining("'strict'");
        assertThatThrownBy(() -> cache.set("k", "v"))
                .isInstanceOf(CacheConnectionException.class).hasMessageContaining("set");

        redis.get().server().restart();
        awaitWorking(cache);
    }

    @Test
    void serverDownAtStartUpDoesNotPreventBuildingTheCache() {
        redis.get().server().kill();
        RedisCache cache = cache("default");
        assertBounded(() -> cache.get("k")).isNull();
        assertThatThrownBy(() -> cache("strict").get("k")).isInstanceOf(CacheConnectionException.class);

        redis.get().server().restart();
        awaitWorking(cache);
    }

    @Test
    void concurrentCallersDoNotQueueBehindAHungFirstConnect() throws Exception {
        redis.get().server().pause();
        RedisCache cache = cache("default");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            long start = System.nanoTime();
            List<java.util.concurrent.Future<Object>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> cache.get("k")));
            }
            for (java.util.concurrent.Future<Object> read : reads) {
                assertThat(read.get(30, TimeUnit.SECONDS)).isNull();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND.multipliedBy(2));
        } finally {
            pool.shutdownNow();
        }
        redis.get().server().resume();
        awaitWorking(cache);
    }

    @Test
    void frozenServerFailsOpenWithinTheSocketTimeout() {
        RedisCache cache = cache("default");
        cache.set("k", "v");
        redis.get().server().pause();
        assertBounded(() -> cache.get("k")).isNull();
        assertBounded(() -> cache.set("k", "w")).isEqualTo(false);
        assertBounded(() -> cache.getMany(List.of("k"))).isEqualTo(Map.of());

        redis.get().server().resume();
        awaitWorking(cache);
    }

    @Test
    void frozenServerTimesOutInStrictModeNamingTheOperationAndKey() {
        RedisCache cache = cache("strict");
        cache.set("k", "v");
        redis.get().server().pause();
        long start = System.nanoTime();
        assertThatThrownBy(() -> cache.get("k"))
                .isInstanceOf(CacheTimeoutException.class)
                .hasMessageContaining("get").hasMessageContaining(":1:k");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        assertThatThrownBy(() -> cache.async().get("k").join()).hasCauseInstanceOf(CacheTimeoutException.class);

        redis.get().server().resume();
        awaitWorking(cache);
        assertThat(cache.get("k")).isEqualTo("v");
    }

    @Test
    void closeConnectionDisconnectsAndTheNextCallReconnects() {
        try (Caches closing = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(1), "OPTIONS", Map.of("CLOSE_CONNECTION", true))))) {
            RedisCache cache = (RedisCache) closing.getDefault();
            cache.set("k", "v");
            var connection = cache.getRedisConnection();
            cache.close();
            assertThat(connection.isOpen()).isFalse();
            assertThat(cache.get("k")).isEqualTo("v");
        }
        RedisCache keeping = cache("default");
        keeping.set("k", "v");
        var connection = keeping.getRedisConnection();
        keeping.close();
        assertThat(connection.isOpen()).isTrue();
    }

    private static <T> org.assertj.core.api.ObjectAssert<T> assertBounded(Supplier<T> operation) {
        long start = System.nanoTime();
        T result = operation.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        return assertThat(result);
    }

    /** Waits (at most 15 s) until the cache round-trips a value again. */
    private static void awaitWorking(RedisCache cache) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (cache.set("again", "yes") && "yes".equals(cache.get("again"))) {
                    return;
                }
            } catch (CacheConnectionException e) {
                last = e;
            }
            sleep(50);
        }
        throw new AssertionError("the cache did not recover within 15 s", last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
