package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.cache.redis.internal.HerdFormat;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Herd} (the HerdClient name) with the default 60 s grace: the stored format, stale values served while one
 * refresher (across several independent caches standing in for processes) recomputes, missing
 * keys filled once across those processes, and the values that stay plain.
 */
class HerdClientIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private final List<Caches> registries = new ArrayList<>();
    private RedisCache cache;

    @BeforeEach
    void open() {
        redis.get().flushAll();
        cache = process();
    }

    @AfterEach
    void close() {
        registries.forEach(Caches::close);
    }

    /** A cache with its own registry and connections, as another process would have. */
    private RedisCache process() {
        return process(Map.of());
    }

    private RedisCache process(Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(Map.of("CLIENT_CLASS", "django_redis.client.HerdClient",
                "SERIALIZER", "django_redis.serializers.json.JSONSerializer"));
        options.putAll(extra);
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(2), "OPTIONS", options)));
        registries.add(caches);
        return (RedisCache) caches.getDefault();
    }

    private RedisCommands<String, byte[]> raw() {
        return cache.getRedisConnection().sync();
    }

    private void makeStale(String key, Object value) throws InterruptedException {
        cache.set(key, value, Timeout.millis(300));
        Thread.sleep(400);
    }

    @Test
    void storesHeaderThenValueWithTheGraceAddedToTheTtl() {
        long before = System.currentTimeMillis();
        cache.set("h", "herded", Timeout.seconds(120));
        byte[] stored = raw().get(":1:h");
        assertThat(HerdFormat.isWrapped(stored)).isTrue();
        assertThat(HerdFormat.softExpiry(stored)).isBetween(before + 120_000, System.currentTimeMillis() + 120_000);
        assertThat(new String(HerdFormat.payload(stored), StandardCharsets.UTF_8)).isEqualTo("\"herded\"");
        assertThat(cache.ttl("h")).isBetween(178L, 180L);
        assertThat(cache.get("h")).isEqualTo("herded");
    }

    @Test
    void persistentValuesAndIntegersStayPlainSoIncrWorks() {
        cache.set("forever", "x", Timeout.NEVER);
        assertThat(raw().get(":1:forever")).isEqualTo("\"x\"".getBytes(StandardCharsets.UTF_8));
        cache.set("n", 41, Timeout.seconds(100));
        assertThat(raw().get(":1:n")).isEqualTo("41".getBytes(StandardCharsets.US_ASCII));
        assertThat(cache.incr("n")).isEqualTo(42);
        assertThat(cache.decr("n", 2)).isEqualTo(40);
        assertThat(cache.ttl("n")).isBetween(98L, 100L);
    }

    @Test
    void plainValuesWrittenByOtherClientsAreReadAsIs() {
        raw().set(":1:django", "{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.get("django")).isEqualTo(Map.of("a", List.of(1L, 2L)));
    }

    @Test
    void afterTheSoftExpiryOneReaderRefreshesAndTheOthersGetTheStaleValue() throws Exception {
        makeStale("k", "old");
        RedisCache other = process();
        assertThat(cache.get("k")).as("the first reader holds the claim: a miss").isNull();
        assertThat(other.get("k")).isEqualTo("old");
        assertThat(cache.get("k")).as("the claim is taken once per stale value").isEqualTo("old");
        assertThat(cache.hasKey("k")).isTrue();
        cache.set("k", "new", Timeout.seconds(60));
        assertThat(other.get("k")).isEqualTo("new");
    }

    @Test
    void addTreatsAStaleValueAsAbsent() throws Exception {
        cache.set("a", "fresh", Timeout.seconds(60));
        assertThat(cache.add("a", "second", Timeout.seconds(60))).isFalse();
        makeStale("a", "stale");
        assertThat(cache.add("a", "refreshed", Timeout.seconds(60))).isTrue();
        assertThat(cache.get("a")).isEqualTo("refreshed");
    }

    @Test
    void getOrSetComputesAStaleHotKeyOnceAcrossProcesses() throws Exception {
        makeStale("hot", "v0");
        List<RedisCache> processes = List.of(cache, process(), process(), process());
        AtomicInteger computations = new AtomicInteger();
        List<Object> values = stampede(processes, "hot", false, () -> {
            computations.incrementAndGet();
            sleep(500);
            return "v1";
        });
        assertThat(computations.get()).isEqualTo(1);
        assertThat(values).containsOnly("v0", "v1").contains("v1");
        assertThat(processes.get(1).get("hot")).isEqualTo("v1");
    }

    @ParameterizedTest(name = "async: {0}")
    @ValueSource(booleans = {false, true})
    void getOrSetComputesAMissingKeyOnceAcrossProcesses(boolean async) throws Exception {
        List<RedisCache> processes = List.of(cache, process(), process(), process());
        AtomicInteger computations = new AtomicInteger();
        String key = "cold-" + async;
        List<Object> values = stampede(processes, key, async, () -> {
            sleep(300);
            return "computed-" + computations.incrementAndGet();
        });
        assertThat(computations.get()).isEqualTo(1);
        assertThat(values).hasSize(16).containsOnly("computed-1");
        assertThat(raw().exists(":1:" + key + Herd.CLAIM_SUFFIX)).as("the claim is given up").isZero();
    }

    @Test
    void aColdGetOrSetCostsThreeRoundTrips() throws Exception {
        cache.getOrSet("warm-up", () -> "loads the scripts");
        try (MonitoredCommands monitor = MonitoredCommands.of(redis.get().server())) {
            assertThat(cache.getOrSet("cold", () -> "computed", Timeout.seconds(60))).isEqualTo("computed");
            assertThat(monitor.sentMentioning(":1:cold")).as("get, claim, store").hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void aPlainGetOfAMissingKeyIsOneCommandAndDoesNotWait() throws Exception {
        raw().set(":1:claimed" + Herd.CLAIM_SUFFIX, "fill:another-process".getBytes(StandardCharsets.US_ASCII),
                SetArgs.Builder.px(5_000));
        try (MonitoredCommands monitor = MonitoredCommands.of(redis.get().server())) {
            long start = System.nanoTime();
            assertThat(cache.get("claimed")).isNull();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000L);
            assertThat(monitor.sentMentioning(":1:claimed")).hasSize(1);
        }
    }

    @Test
    void aFailedFillLetsAWaitingProcessComputeAtOnce() throws Exception {
        RedisCache other = process();
        CountDownLatch claimed = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> failing = pool.submit(() -> cache.getOrSet("fails", () -> {
                claimed.countDown();
                sleep(300);
                throw new IllegalStateException("computation failed");
            }));
            assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThat(other.getOrSet("fails", () -> "second try")).isEqualTo("second try");
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waitedMillis).as("waited for the failure, not for the claim's 10 s life").isBetween(150L, 3_000L);
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("computation failed");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimWhoseHolderDiedIsTakenOverWhenItExpires() {
        raw().psetex(":1:orphan" + Herd.CLAIM_SUFFIX, 500, "fill:a-dead-process".getBytes(StandardCharsets.US_ASCII));
        assertThat(cache.get("orphan")).as("a plain get does not wait").isNull();
        long start = System.nanoTime();
        assertThat(cache.getOrSet("orphan", () -> "taken over")).isEqualTo("taken over");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(300L, 5_000L);
    }

    /** Sixteen threads spread over {@code processes} call getOrSet on {@code key} at once; their values. */
    static List<Object> stampede(List<RedisCache> processes, String key, boolean async,
            Supplier<Object> computation) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                RedisCache process = processes.get(i % processes.size());
                Callable<Object> caller = () -> {
                    start.await();
                    return async ? process.async().getOrSet(key, computation, Timeout.seconds(60)).get(30, TimeUnit.SECONDS)
                            : process.getOrSet(key, computation, Timeout.seconds(60));
                };
                results.add(pool.submit(caller));
            }
            start.countDown();
            List<Object> values = new ArrayList<>();
            for (Future<Object> result : results) {
                values.add(result.get(30, TimeUnit.SECONDS));
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSteadyLoadComputesOncePerRefresh() throws Exception {
        List<RedisCache> processes = List.of(cache, process(), process());
        AtomicInteger computations = new AtomicInteger();
        cache.set("steady", "computed-0", Timeout.millis(500)); // no cold start: every computation is a refresh
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long end = System.currentTimeMillis() + 3_000;
        try {
            List<Future<Integer>> loops = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                RedisCache process = processes.get(i % processes.size());
                loops.add(pool.submit(() -> {
                    int misses = 0;
                    while (System.currentTimeMillis() < end) {
                        Object value = process.getOrSet("steady", () -> {
                            sleep(100);
                            return "computed-" + computations.incrementAndGet();
                        }, Timeout.millis(500));
                        misses += value == null ? 1 : 0;
                    }
                    return misses;
                }));
            }
            for (Future<Integer> loop : loops) {
                assertThat(loop.get(30, TimeUnit.SECONDS)).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        // 3 s of 500 ms soft lives with 100 ms refreshes: at most 6 refreshes; without the claim each
        // of the 3 processes would recompute at every expiry
        System.out.println("HerdClientIT steady load: " + computations.get() + " computations in 3 s, "
                + "3 processes x 2 threads, soft timeout 500 ms");
        assertThat(computations.get()).isBetween(2, 7);
    }

    @Test
    void touchRestampsAndPersistUnwraps() throws Exception {
        cache.set("t", "v", Timeout.millis(300));
        assertThat(cache.touch("t", Timeout.seconds(100))).isTrue();
        assertThat(cache.ttl("t")).isBetween(158L, 160L);
        Thread.sleep(400);
        assertThat(cache.get("t")).as("still fresh after the old soft expiry").isEqualTo("v");
        assertThat(cache.touch("t", Timeout.NEVER)).isTrue();
        assertThat(raw().get(":1:t")).isEqualTo("\"v\"".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.ttl("t")).isNull();
        assertThat(cache.touch("missing", Timeout.seconds(1))).isFalse();
    }

    @Test
    void manyKeyOperationsAndAsyncTwinsUseTheFormat() throws Exception {
        assertThat(cache.setMany(Map.of("m1", "a", "m2", 2), Timeout.seconds(30))).isEmpty();
        assertThat(HerdFormat.isWrapped(raw().get(":1:m1"))).isTrue();
        assertThat(raw().get(":1:m2")).isEqualTo("2".getBytes(StandardCharsets.US_ASCII));
        assertThat(cache.ttl("m1")).isBetween(88L, 90L);
        assertThat(cache.ttl("m2")).isBetween(28L, 30L);
        assertThat(cache.getMany(List.of("m1", "m2"))).isEqualTo(Map.of("m1", "a", "m2", 2L));
        makeStale("s", "old");
        assertThat(cache.async().get("s").get(5, TimeUnit.SECONDS)).isNull();
        assertThat(cache.async().get("s").get(5, TimeUnit.SECONDS)).isEqualTo("old");
        assertThat(cache.async().add("s", "new", Timeout.seconds(30)).get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(cache.async().getMany(List.of("s", "m1")).get(5, TimeUnit.SECONDS))
                .isEqualTo(Map.of("s", "new", "m1", "a"));
    }

    @Test
    void locksStorePlainTokens() {
        try (var lock = cache.lock("herd-lock", java.time.Duration.ofSeconds(30))) {
            assertThat(lock.acquire(false)).isTrue();
            assertThat(HerdFormat.isWrapped(raw().get(":1:herd-lock"))).isFalse();
        }
        assertThat(cache.hasKey("herd-lock")).isFalse();
        assertThat(raw().exists(":1:herd-lock")).isZero();
    }

    @Test
    void graceAndClaimTimeoutsAreOptions() {
        RedisCache shortGrace = process(Map.of("HERD_TIMEOUT", 5, "HERD_CLAIM_TIMEOUT", 0.5));
        shortGrace.set("g", "v", Timeout.seconds(10));
        assertThat(shortGrace.ttl("g")).isBetween(14L, 15L);
        assertThatThrownBy(() -> process(Map.of("HERD_TIMEOUT", -1)).get("x"))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("HERD_TIMEOUT");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
