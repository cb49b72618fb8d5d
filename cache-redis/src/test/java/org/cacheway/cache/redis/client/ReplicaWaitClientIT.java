package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.cache.redis.ReplicaWaitException;
import org.cacheway.testsupport.LogCapture;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisReplicated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default client with a primary and two read replicas: with {@code WAIT_REPLICAS} every write
 * is acknowledged by the replicas before it returns, so the read that follows, served by a
 * replica, sees it; a write they did not acknowledge fails ({@code WAIT_MODE} strict) or is logged
 * ({@code warn}); concurrent writers share WAITs, and reads do not queue behind a blocking WAIT.
 */
class ReplicaWaitClientIT {
    @RegisterExtension
    static final RedisExtension<RedisReplicated> redis = RedisExtension.replicated(2);

    private final List<Caches> registries = new ArrayList<>();

    @BeforeEach
    void reset() {
        redis.get().replicas().stream().filter(node -> !node.isRunning()).forEach(RedisNode::restart);
        redis.get().flushAll();
    }

    @AfterEach
    void close() {
        registries.forEach(Caches::close);
        redis.get().replicas().stream().filter(node -> !node.isRunning()).forEach(RedisNode::restart);
    }

    private RedisCache cache(Map<String, Object> options) {
        List<String> location = new ArrayList<>(List.of(redis.get().primary().uri(0)));
        redis.get().replicas().forEach(node -> location.add(node.uri(0)));
        return cache(location, options);
    }

    private RedisCache cache(List<String> location, Map<String, Object> options) {
        Map<String, Object> all = new HashMap<>(options);
        all.put("SOCKET_TIMEOUT", 5);
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", location, "OPTIONS", all)));
        registries.add(caches);
        return (RedisCache) caches.getDefault();
    }

    private static long calls(RedisNode node, String command) {
        String stats = node.info("commandstats").get("cmdstat_" + command);
        if (stats == null) {
            return 0;
        }
        String calls = stats.substring(stats.indexOf("calls=") + 6);
        return Long.parseLong(calls.substring(0, calls.indexOf(',')));
    }

    @Test
    void everyWriteIsReadableFromTheReplicasAtOnce() throws Exception {
        RedisCache cache = cache(Map.of("WAIT_REPLICAS", 2, "WAIT_TIMEOUT", 2000));
        assertThat(cache.client()).isInstanceOf(ReplicaWait.class);
        redis.get().nodes().forEach(node -> node.call("CONFIG", "RESETSTAT"));
        for (int i = 0; i < 200; i++) {
            cache.set("k" + i, "v" + i, Timeout.seconds(60));
            assertThat(cache.get("k" + i)).as("read of k%d from a replica", i).isEqualTo("v" + i);
        }
        cache.async().set("async", "written").get(10, TimeUnit.SECONDS);
        assertThat(cache.get("async")).isEqualTo("written");
        assertThat(cache.delete("k1")).isTrue();
        assertThat(cache.hasKey("k1")).isFalse();
        assertThat(calls(redis.get().primary(), "wait")).isGreaterThanOrEqualTo(202);
        long replicaGets = redis.get().replicas().stream().mapToLong(node -> calls(node, "get")).sum();
        assertThat(replicaGets).isGreaterThanOrEqualTo(201);
        assertThat(calls(redis.get().primary(), "get")).isZero();
    }

    @Test
    void aWriteTooFewReplicasAcknowledgedFailsSayingTheValueStaysOnThePrimary() {
        RedisCache cache = cache(Map.of("WAIT_REPLICAS", 2, "WAIT_TIMEOUT", 200));
        redis.get().replicas().get(1).kill();
        assertThatThrownBy(() -> cache.set("k", "v"))
                .isInstanceOf(ReplicaWaitException.class)
                .hasMessageContaining("set of key ':1:k'").hasMessageContaining("only 1 of 2 replicas")
                .hasMessageContaining("the value stays written on the primary")
                .satisfies(error -> assertThat(((ReplicaWaitException) error).acknowledged()).isEqualTo(1));
        assertThatThrownBy(() -> cache.async().set("n", 1).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ReplicaWaitException.class);
        assertThat(redis.get().primary().call("GET", ":1:k")).isEqualTo("\"v\"");
        assertThat(redis.get().primary().call("EXISTS", ":1:n")).isEqualTo(1L);
    }

    @Test
    void failOpenAnswersAnUnacknowledgedWriteAsAFailedOne() {
        RedisCache cache = cache(Map.of("WAIT_REPLICAS", 2, "WAIT_TIMEOUT", 200, "IGNORE_EXCEPTIONS", true));
        redis.get().replicas().get(1).kill();
        assertThat(cache.set("k", "v")).isFalse();
        assertThat(redis.get().primary().call("EXISTS", ":1:k")).isEqualTo(1L);
    }

    @Test
    void warnModeLogsAMissingReplicaAndTheWriteStands() throws Exception {
        RedisCache cache = cache(Map.of("WAIT_REPLICAS", 2, "WAIT_TIMEOUT", 200, "WAIT_MODE", "warn"));
        redis.get().replicas().get(1).kill();
        long[] took = new long[1];
        String log = LogCapture.during(() -> {
            long start = System.nanoTime();
            assertThat(cache.set("k", "v")).isTrue();
            took[0] = (System.nanoTime() - start) / 1_000_000;
        });
        assertThat(took[0]).isBetween(150L, 5_000L);
        assertThat(log).contains("WARN").contains("only 1 of 2 replicas acknowledged the write within 200 ms");
        assertThat(redis.get().primary().call("EXISTS", ":1:k")).isEqualTo(1L);
    }

    @Test
    void concurrentWritersShareWaits() throws Exception {
        RedisCache cache = cache(Map.of("WAIT_REPLICAS", 2, "WAIT_TIMEOUT", 2000));
        RedisNode primary = redis.get().primary();
        primary.call("CONFIG", "RESETSTAT");
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        assertThat(cache.set("w" + thread + "-" + i, i, Timeout.seconds(60))).isTrue();
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long writes = calls(primary, "set") + calls(primary, "psetex");
        long waits = calls(primary, "wait");
        System.out.printf("REPLICA WAIT FIGURES: %d writers, %d writes, %d WAITs (%.2f per write)%n", threads, writes,
                waits, (double) waits / writes);
        assertThat(writes).isEqualTo((long) threads * each);
        assertThat(waits).isPositive().isLessThan(writes);
        for (int t = 0; t < threads; t++) {
            assertThat(redis.get().replicas().get(0).call("EXISTS", ":1:w" + t + "-" + (each - 1))).isEqualTo(1L);
        }
    }

    @Test
    void readsProceedWhileAWaitBlocksThePrimaryConnection() throws Exception {
        RedisCache cache = cache(List.of(redis.get().primary().uri(0)),
                Map.of("WAIT_REPLICAS", 1, "WAIT_TIMEOUT", 3000, "WAIT_MODE", "warn"));
        cache.set("r", "read me");
        redis.get().replicas().forEach(RedisNode::pause);
        try {
            CompletableFuture<Boolean> write = cache.async().set("w", "blocked");
            Thread.sleep(200); // the WAIT is outstanding now
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(cache.get("r")).isEqualTo("read me");
                assertThat(cache.hasKey("w")).isTrue();
            }
            long readMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("REPLICA WAIT FIGURES: 40 reads in %d ms while a WAIT blocked the primary's connection%n",
                    readMillis);
            assertThat(write).as("the WAIT still blocks").isNotDone();
            assertThat(readMillis).isLessThan(2_000L);
            assertThat(write.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            redis.get().replicas().forEach(RedisNode::resume);
        }
    }

    /**
     * With {@code NEAR_CACHE} on, reads sent around a blocking WAIT (on the transport's second
     * connection) are kept locally only because that connection is tracked too: a write by another
     * client during the WAIT reaches this process as an invalidation and the next read sees it.
     */
    @Test
    void nearCacheReadsAroundABlockingWaitAreKeptCoherent() throws Exception {
        List<String> primary = List.of(redis.get().primary().uri(0));
        RedisCache cache = cache(primary, Map.of("WAIT_REPLICAS", 1, "WAIT_TIMEOUT", 4000, "WAIT_MODE", "warn",
                "NEAR_CACHE", Map.of("MAX_ENTRIES", 100)));
        RedisCache other = cache(primary, Map.of());
        cache.set("r", "before");
        redis.get().replicas().forEach(RedisNode::pause);
        try {
            CompletableFuture<Boolean> write = cache.async().set("w", "blocked");
            Thread.sleep(200); // the WAIT is outstanding now
            long start = System.nanoTime();
            long hitsBefore = cache.nearCacheStatistics().orElseThrow().hits();
            while (cache.nearCacheStatistics().orElseThrow().hits() == hitsBefore) {
                assertThat(cache.get("r")).isEqualTo("before");
                assertThat(System.nanoTime() - start).as("the read is kept locally within 1 s")
                        .isLessThan(TimeUnit.SECONDS.toNanos(1));
            }
            other.set("r", "after");
            long written = System.nanoTime();
            while (!"after".equals(cache.get("r"))) {
                assertThat(System.nanoTime() - written).as("the other client's write invalidates the copy within 1 s")
                        .isLessThan(TimeUnit.SECONDS.toNanos(1));
                Thread.sleep(5);
            }
            assertThat(write).as("the WAIT still blocks: the reads went around it").isNotDone();
            assertThat(write.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            redis.get().replicas().forEach(RedisNode::resume);
        }
    }

    @Test
    void waitOptionsAreChecked() {
        assertThatThrownBy(() -> cache(Map.of("WAIT_REPLICAS", 0)).get("x"))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("WAIT_REPLICAS");
        assertThatThrownBy(() -> cache(Map.of("WAIT_TIMEOUT", 10)).get("x"))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("WAIT_TIMEOUT");
        assertThatThrownBy(() -> cache(Map.of("WAIT_MODE", "warn")).get("x"))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("WAIT_MODE")
                .hasMessageContaining("needs OPTIONS['WAIT_REPLICAS']");
        assertThatThrownBy(() -> cache(Map.of("WAIT_REPLICAS", 1, "WAIT_MODE", "lenient")).get("x"))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("'strict' or 'warn'");
    }
}
