package org.cacheway.cache.locmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.Test;

/**
 * What only the local-memory backend does: LOCATION sharing, LRU culling by MAX_ENTRIES and
 * CULL_FREQUENCY (Django's verified numbers), expiry on its injected clock, option validation.
 * The behaviour every backend shares is in {@link LocMemCacheContractTest}.
 */
class LocMemCacheTest {
    private final ManualClock clock = new ManualClock();
    private final String location = "locmem-test-" + UUID.randomUUID();

    private LocMemCache cache(Map<String, Object> options) {
        return cache("default", location, options);
    }

    private LocMemCache cache(String alias, String where, Map<String, Object> options) {
        Map<String, Object> all = new LinkedHashMap<>(options);
        all.put("CLOCK", clock);
        return new LocMemCache(CacheSettings.builder(alias).backend(LocMemCache.class).location(where)
                .options(all).build());
    }

    private static long present(Cache cache, int from, int to) {
        return IntStream.range(from, to).filter(i -> cache.hasKey("key" + i)).count();
    }

    @Test
    void cachesWithTheSameLocationShareData() {
        LocMemCache one = cache("one", location, Map.of());
        LocMemCache two = cache("two", location, Map.of());
        one.set("shared", "value");
        assertThat(two.get("shared")).isEqualTo("value");
    }

    @Test
    void cachesWithDifferentLocationsAreIsolated() {
        LocMemCache one = cache("one", location, Map.of());
        LocMemCache other = cache("two", location + "-other", Map.of());
        one.set("value", 42);
        assertThat(other.get("value")).isNull();
        assertThat(one.get("value")).isEqualTo(42L);
    }

    @Test
    void defaultLocationIsTheEmptyNameSharedByUnnamedCaches() {
        Caches caches = Caches.fromSettings(Map.of(
                "default", Map.of("BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
                "other", Map.of("BACKEND", "django.core.cache.backends.locmem.LocMemCache")));
        String key = "unnamed-" + UUID.randomUUID();
        caches.get("default").set(key, "v");
        assertThat(caches.get("other").get(key)).isEqualTo("v");
        caches.get("default").delete(key);
    }

    @Test
    void locationWithACommaIsOneName() {
        LocMemCache comma = cache("one", location + ",b", Map.of());
        LocMemCache plain = cache("two", location, Map.of());
        comma.set("k", "v");
        assertThat(plain.get("k")).isNull();
        assertThat(cache("three", location + ",b", Map.of()).get("k")).isEqualTo("v");
    }

    @Test
    void cullEvictsAThirdWhenFull() {
        LocMemCache cache = cache(Map.of("MAX_ENTRIES", 30));
        IntStream.range(1, 50).forEach(i -> cache.set("key" + i, "value"));
        assertThat(present(cache, 1, 50)).isEqualTo(29);
    }

    @Test
    void cullFrequencyZeroClearsEverythingWhenFull() {
        LocMemCache cache = cache(Map.of("MAX_ENTRIES", 30, "CULL_FREQUENCY", 0));
        IntStream.range(1, 50).forEach(i -> cache.set("key" + i, "value"));
        assertThat(present(cache, 1, 50)).isEqualTo(19);
    }

    @Test
    void cullHappensBeforeInsertingEvenOnOverwrite() {
        LocMemCache cache = cache(Map.of("MAX_ENTRIES", 3, "CULL_FREQUENCY", 0));
        IntStream.range(0, 3).forEach(i -> cache.set("key" + i, "value"));
        cache.set("key2", "again");
        assertThat(present(cache, 0, 3)).isEqualTo(1);
        assertThat(cache.get("key2")).isEqualTo("again");
    }

    @Test
    void maxEntriesMinusOneStillStores() {
        LocMemCache cache = cache(Map.of("MAX_ENTRIES", -1));
        cache.set("key", "value");
        assertThat(cache.get("key")).isEqualTo("value");
    }

    @Test
    void getMovesKeyToMostRecentlyUsed() {
        LocMemCache cache = cache(Map.of("MAX_ENTRIES", 9));
        IntStream.range(0, 9).forEach(i -> cache.set("key" + i, i));
        IntStream.range(0, 6).forEach(i -> assertThat(cache.get("key" + i)).isEqualTo((long) i));
        cache.set("key9", 9);
        assertThat(present(cache, 0, 6)).isEqualTo(6);
        assertThat(present(cache, 6, 9)).isZero();
        assertThat(cache.hasKey("key9")).isTrue();
    }

    @Test
    void setMovesKeyToMostRecentlyUsed() {
        LocMemCache cache = cache(Map.of("MAX_ENTRIES", 9));
        IntStream.range(0, 9).forEach(i -> cache.set("key" + i, i));
        IntStream.range(0, 6).forEach(i -> cache.set("key" + i, i));
        cache.set("key9", 9);
        assertThat(present(cache, 0, 6)).isEqualTo(6);
        assertThat(present(cache, 6, 9)).isZero();
        assertThat(cache.hasKey("key9")).isTrue();
    }

    @Test
    void incrMovesKeyToMostRecentlyUsed() {
        LocMemCache cache = cache(Map.of("MAX_ENTRIES", 9));
        IntStream.range(0, 9).forEach(i -> cache.set("key" + i, i));
        IntStream.range(0, 6).forEach(i -> cache.incr("key" + i));
        cache.set("key9", 9);
        assertThat(present(cache, 0, 6)).isEqualTo(6);
        assertThat(present(cache, 6, 9)).isZero();
        assertThat(cache.get("key0")).isEqualTo(1L);
    }

    @Test
    void hasKeyAndTouchDoNotCountAsUse() {
        LocMemCache cache = cache(Map.of("MAX_ENTRIES", 3, "CULL_FREQUENCY", 3));
        IntStream.range(0, 3).forEach(i -> cache.set("key" + i, i));
        assertThat(cache.hasKey("key0")).isTrue();
        assertThat(cache.touch("key0", Timeout.seconds(60))).isTrue();
        cache.set("key3", 3);
        assertThat(cache.hasKey("key0")).isFalse();
        assertThat(present(cache, 1, 4)).isEqualTo(3);
    }

    @Test
    void valueExpiresExactlyAtItsTimeout() {
        LocMemCache cache = cache(Map.of());
        cache.set("k", "v", Timeout.seconds(10));
        clock.advance(Duration.ofMillis(9_999));
        assertThat(cache.get("k")).isEqualTo("v");
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.get("k")).isNull();
    }

    @Test
    void incrAndDecrKeepTheOriginalExpiry() {
        LocMemCache cache = cache(Map.of());
        cache.set("n", 1, Timeout.seconds(10));
        clock.advance(Duration.ofSeconds(6));
        assertThat(cache.incr("n")).isEqualTo(2);
        assertThat(cache.decr("n", 5)).isEqualTo(-3);
        clock.advance(Duration.ofSeconds(4));
        assertThat(cache.hasKey("n")).isFalse();
    }

    @Test
    void incrVersionKeepsTheTimeLeft() {
        LocMemCache cache = cache(Map.of());
        cache.set("k", "v", Timeout.seconds(10));
        clock.advance(Duration.ofSeconds(6));
        assertThat(cache.incrVersion("k")).isEqualTo(2);
        clock.advance(Duration.ofMillis(3_999));
        assertThat(cache.version(2).get("k")).isEqualTo("v");
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.version(2).get("k")).isNull();
    }

    @Test
    void hugeTimeoutDoesNotOverflowIntoThePast() {
        LocMemCache cache = cache(Map.of());
        cache.set("k", "v", Timeout.millis(Long.MAX_VALUE - 1));
        assertThat(cache.get("k")).isEqualTo("v");
    }

    @Test
    void nonNumericMaxEntriesIsAConfigurationErrorNamingAliasAndOption() {
        assertThatThrownBy(() -> cache("bad", location, Map.of("MAX_ENTRIES", "lots")))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'bad'", "MAX_ENTRIES", "lots");
    }

    @Test
    void nonNumericCullFrequencyIsAConfigurationErrorNamingAliasAndOption() {
        assertThatThrownBy(() -> cache("bad", location, Map.of("CULL_FREQUENCY", List.of(3))))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'bad'", "CULL_FREQUENCY", "[3]");
    }

    @Test
    void negativeCullFrequencyIsAConfigurationError() {
        assertThatThrownBy(() -> cache("bad", location, Map.of("CULL_FREQUENCY", -3)))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'bad'", "CULL_FREQUENCY", "-3");
    }

    @Test
    void clockThatIsNotAnInstantSourceIsAConfigurationError() {
        assertThatThrownBy(() -> new LocMemCache(CacheSettings.builder("bad").backend(LocMemCache.class)
                .option("CLOCK", "system").build()))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'bad'", "CLOCK", "system");
    }

    @Test
    void badOptionsSurfaceWhenTheRegistryBuildsTheAlias() {
        Caches caches = Caches.fromSettings(Map.of("default", Map.of(
                "BACKEND", "django.core.cache.backends.locmem.LocMemCache",
                "OPTIONS", Map.of("MAX_ENTRIES", "abc"))));
        assertThatThrownBy(() -> caches.get("default"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'default'", "MAX_ENTRIES", "abc");
    }

    @Test
    void closingTheRegistryKeepsTheLocationsData() {
        Map<String, Object> block = Map.of("BACKEND", "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION", location);
        Caches first = Caches.fromSettings(Map.of("default", block));
        first.get("default").set("k", "v");
        first.close();
        Caches second = Caches.fromSettings(Map.of("default", block));
        assertThat(second.get("default").get("k")).isEqualTo("v");
    }
}
