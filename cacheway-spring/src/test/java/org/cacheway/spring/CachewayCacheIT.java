package org.cacheway.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cacheway.cache.CacheStatistics;
import org.cacheway.cache.Caches;
import org.cacheway.cache.KeyWarnings;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.SimpleKey;

/** {@link CachewayCacheManager} and {@link CachewayCache} on a real redis-server. */
class CachewayCacheIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    record Item(String id, long quantity) {
    }

    private static Caches caches;
    private CachewayCacheManager manager;

    @BeforeAll
    static void connect() {
        caches = TestCaches.on(redis.get().uri(3));
    }

    @AfterAll
    static void disconnect() {
        caches.close();
    }

    @BeforeEach
    void reset() {
        redis.get().flushAll();
        manager = new CachewayCacheManager(caches);
    }

    private Cache products() {
        return manager.getCache("products");
    }

    @Test
    void springCacheNamedLikeAnAliasIsThatAlias() {
        assertThat(manager.getCache("users").getNativeCache()).isSameAs(caches.get("users"));
    }

    @Test
    void springCacheWithoutAnAliasLivesUnderItsOwnKeyPartOfTheDefaultAlias() {
        products().put("k", "v");
        assertThat(caches.getDefault().get("products:k")).isEqualTo("v");
        assertThat(((org.cacheway.cache.Cache) products().getNativeCache()).makeKey("k")).isEqualTo("app:1:products:k");
    }

    @Test
    void recordComesBackAsItself() {
        products().put("i", new Item("i", 3));
        assertThat(products().get("i", Item.class)).isEqualTo(new Item("i", 3));
    }

    @Test
    void typedGetReadsPlainJsonAsTheRequestedRecord() {
        Cache users = manager.getCache("users");
        users.put("i", new Item("i", 3));
        assertThat(caches.get("users").get("i")).isEqualTo(java.util.Map.of("id", "i", "quantity", 3L));
        assertThat(users.get("i", Item.class)).isEqualTo(new Item("i", 3));
    }

    @Test
    void nullIsCachedAsAPlainNullAndToldFromAMiss() {
        products().put("nothing", null);
        assertThat(products().get("nothing")).isNotNull().extracting(Cache.ValueWrapper::get).isNull();
        assertThat(products().get("missing")).isNull();
        assertThat(caches.getDefault().hasKey("products:nothing")).isTrue();
        assertThat(caches.getDefault().get("products:nothing")).isNull();
    }

    @Test
    void nullIsRefusedWhenNullValuesAreNotAllowed() {
        Cache strict = CachewayCacheManager.builder(caches).allowNullValues(false).build().getCache("strict");
        assertThatThrownBy(() -> strict.put("k", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putIfAbsentLetsExactlyOneOfSixteenThreadsWin() throws Exception {
        List<Object> results = race(16, n -> () -> products().putIfAbsent("race", "writer-" + n));
        long winners = results.stream().filter(r -> r == null).count();
        assertThat(winners).isEqualTo(1);
        Object stored = products().get("race").get();
        assertThat(results).filteredOn(r -> r != null)
                .allSatisfy(r -> assertThat(((Cache.ValueWrapper) r).get()).isEqualTo(stored));
    }

    @Test
    void getWithLoaderRunsTheLoaderOnceForSixteenThreads() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Callable<Item> loader = () -> {
            calls.incrementAndGet();
            Thread.sleep(300);
            return new Item("loaded", 1);
        };
        List<Object> results = race(16, n -> () -> products().get("flight", loader));
        assertThat(calls).hasValue(1);
        assertThat(results).hasSize(16).containsOnly(new Item("loaded", 1));
    }

    @Test
    void loaderExceptionIsAValueRetrievalException() {
        Callable<String> failing = () -> {
            throw new java.io.IOException("database down");
        };
        assertThatThrownBy(() -> products().get("broken", failing))
                .isInstanceOf(Cache.ValueRetrievalException.class)
                .hasRootCauseMessage("database down");
    }

    @Test
    void clearRemovesOnlyThatSpringCachesKeys() {
        products().put("a", 1L);
        products().put("b", 2L);
        manager.getCache("orders").put("a", 3L);
        manager.getCache("users").put("a", 4L);
        caches.getDefault().set("unrelated", "stays");
        products().clear();
        assertThat(products().get("a")).isNull();
        assertThat(products().get("b")).isNull();
        assertThat(manager.getCache("orders").get("a").get()).isEqualTo(3L);
        assertThat(manager.getCache("users").get("a").get()).isEqualTo(4L);
        assertThat(caches.getDefault().get("unrelated")).isEqualTo("stays");
    }

    @Test
    void clearOfANameWithGlobCharactersRemovesOnlyItsKeys() {
        Cache globby = manager.getCache("pro*");
        globby.put("a", 1L);
        products().put("a", 2L);
        globby.clear();
        assertThat(globby.get("a")).isNull();
        assertThat(products().get("a").get()).isEqualTo(2L);
    }

    @Test
    void clearOfAnAliasBackedCacheLeavesOtherAliasesAlone() {
        manager.getCache("users").put("a", 1L);
        products().put("a", 2L);
        manager.getCache("users").clear();
        assertThat(manager.getCache("users").get("a")).isNull();
        assertThat(products().get("a").get()).isEqualTo(2L);
    }

    @Test
    void evictIfPresentAndInvalidateSayWhetherThereWasSomething() {
        products().put("a", 1L);
        assertThat(products().evictIfPresent("a")).isTrue();
        assertThat(products().evictIfPresent("a")).isFalse();
        products().put("b", 1L);
        assertThat(products().invalidate()).isTrue();
        assertThat(products().invalidate()).isFalse();
    }

    @Test
    void namespacesWhoseNamesShareAColonNeverShareAKey() {
        manager.getCache("a").put("b:c", 1L);
        manager.getCache("a:b").put("c", 2L);
        assertThat(manager.getCache("a").get("b:c").get()).isEqualTo(1L);
        assertThat(manager.getCache("a:b").get("c").get()).isEqualTo(2L);
    }

    @Test
    void awkwardKeysAreStableDistinctAndNeverWarned() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        List<Object> keys = List.of("with space", "a%20b", "tab\tand\nnewline", new SimpleKey("x", 1),
                SimpleKey.EMPTY, 42L, "long-".repeat(80));
        try (AutoCloseable listening = KeyWarnings.listen(warnings::add)) {
            for (int i = 0; i < keys.size(); i++) {
                products().put(keys.get(i), (long) i);
            }
            for (int i = 0; i < keys.size(); i++) {
                assertThat(products().get(keys.get(i)).get()).as("key %s", keys.get(i)).isEqualTo((long) i);
            }
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void retrieveDoesNotBlockTheCaller() throws Exception {
        products().put("k", "v");
        redis.get().server().pause();
        CompletableFuture<?> future;
        long started = System.nanoTime();
        try {
            future = products().retrieve("k");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(250);
            assertThat(future).isNotDone();
        } finally {
            redis.get().server().resume();
        }
        assertThat(((Cache.ValueWrapper) future.get(10, TimeUnit.SECONDS)).get()).isEqualTo("v");
    }

    @Test
    void retrieveGivesThePlainValueWhenNullValuesAreNotAllowed() throws Exception {
        Cache strict = CachewayCacheManager.builder(caches).allowNullValues(false).build().getCache("strict");
        strict.put("k", "v");
        assertThat(strict.retrieve("k").get(10, TimeUnit.SECONDS)).isEqualTo("v");
    }

    @Test
    void retrieveOfAMissCompletesWithNull() throws Exception {
        assertThat(products().retrieve("missing").get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void retrieveWithLoaderStoresTheLoadedValueAndLoadsOnlyOnAMiss() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            Item item = products().retrieve("r", () -> {
                calls.incrementAndGet();
                return CompletableFuture.completedFuture(new Item("r", 9));
            }).get(10, TimeUnit.SECONDS);
            assertThat(item).isEqualTo(new Item("r", 9));
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void retrieveWithLoaderLoadsOnceForConcurrentCallers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Item> slow = new CompletableFuture<>();
        List<CompletableFuture<Item>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(products().retrieve("flight", () -> {
                calls.incrementAndGet();
                return slow;
            }));
        }
        Thread.sleep(300); // every caller's read has missed by now: without a shared load, each would load
        slow.complete(new Item("f", 1));
        for (CompletableFuture<Item> caller : callers) {
            assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo(new Item("f", 1));
        }
        assertThat(calls).hasValue(1);
        assertThat(products().retrieve("flight", () -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(new Item("again", 2));
        }).get(10, TimeUnit.SECONDS)).isEqualTo(new Item("f", 1));
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailedSharedLoadFailsEveryCallerAndTheNextCallLoadsAgain() throws Exception {
        CompletableFuture<Item> broken = CompletableFuture.failedFuture(new IllegalStateException("no"));
        assertThatThrownBy(() -> products().retrieve("fails", () -> broken).get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(products().retrieve("fails", () -> CompletableFuture.completedFuture(new Item("ok", 3)))
                .get(10, TimeUnit.SECONDS)).isEqualTo(new Item("ok", 3));
    }

    @Test
    void nativeStatisticsAreThatSpringCachesOwn() {
        products().get("a");
        products().put("a", 1L);
        products().get("a");
        products().evict("a");
        CacheStatistics own = ((org.cacheway.cache.Cache) products().getNativeCache()).statistics();
        assertThat(own.hits()).isEqualTo(1);
        assertThat(own.misses()).isEqualTo(1);
        assertThat(own.puts()).isEqualTo(1);
        assertThat(own.deletes()).isEqualTo(1);
        assertThat(((org.cacheway.cache.Cache) manager.getCache("orders").getNativeCache()).statistics().gets())
                .isZero();
    }

    @Test
    void fixedManagerKnowsOnlyItsInitialNames() {
        CachewayCacheManager fixed = CachewayCacheManager.builder(caches).initialCacheNames(List.of("products"))
                .dynamic(false).build();
        fixed.afterPropertiesSet();
        assertThat(fixed.getCacheNames()).containsExactly("products");
        assertThat(fixed.getCache("other")).isNull();
    }

    @Test
    void missingDefaultAliasIsAConfigurationErrorNamingIt() {
        CachewayCacheManager wrong = CachewayCacheManager.builder(caches).defaultAlias("nope").build();
        assertThatThrownBy(() -> wrong.getCache("products"))
                .isInstanceOf(org.cacheway.cache.CacheConfigurationException.class)
                .hasMessageContaining("'nope'");
    }

    /** Runs {@code threads} tasks released at once; their results in order. */
    private static List<Object> race(int threads, java.util.function.IntFunction<Callable<Object>> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int n = 0; n < threads; n++) {
                Callable<Object> body = task.apply(n);
                futures.add(pool.submit(() -> {
                    start.await();
                    return body.call();
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
