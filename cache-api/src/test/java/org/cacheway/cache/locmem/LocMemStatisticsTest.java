package org.cacheway.cache.locmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheStatistics;
import org.cacheway.cache.Caches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-alias statistics, counted once per key by the base class, with the store's own evictions and size. */
class LocMemStatisticsTest {
    private final Caches caches = Caches.fromSettings(Map.of("default", Map.of(
            "BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", "stats-" + System.nanoTime(),
            "OPTIONS", Map.of("MAX_ENTRIES", 3, "CULL_FREQUENCY", 3))));
    private final Cache cache = caches.getDefault();

    @AfterEach
    void close() {
        caches.close();
    }

    @Test
    void readsCountHitsAndMissesPerKeyOnBothFaces() {
        cache.set("a", 1);
        cache.get("a");
        cache.get("missing");
        cache.getMany(List.of("a", "b", "c"));
        cache.async().get("a").join();
        CacheStatistics stats = cache.statistics();
        assertThat(stats.hits()).isEqualTo(3);
        assertThat(stats.misses()).isEqualTo(3);
        assertThat(stats.gets()).isEqualTo(6);
    }

    @Test
    void writesCountStoredValuesAndRemovedKeys() {
        cache.set("a", 1);
        cache.add("a", 2);
        cache.setMany(Map.of("b", 1, "c", 2));
        cache.delete("a");
        cache.delete("a");
        cache.deleteMany(List.of("b", "c", "z"));
        CacheStatistics stats = cache.statistics();
        assertThat(stats.puts()).isEqualTo(3);
        assertThat(stats.deletes()).isEqualTo(3);
    }

    @Test
    void getOrSetCountsOneReadAndOneLoadPerComputation() {
        cache.getOrSet("k", () -> "v");
        cache.getOrSet("k", () -> "never");
        assertThatThrownBy(() -> cache.getOrSet("boom", () -> {
            throw new IllegalStateException("no");
        })).isInstanceOf(IllegalStateException.class);
        CacheStatistics stats = cache.statistics();
        assertThat(stats.loadSuccesses()).isEqualTo(1);
        assertThat(stats.loadFailures()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.totalLoadTime()).isPositive();
    }

    @Test
    void versionViewsShareTheAliasCounters() {
        cache.version(2).set("a", 1);
        assertThat(cache.statistics().puts()).isEqualTo(1);
    }

    @Test
    void theStoreReportsItsCullsAndSize() {
        for (int i = 0; i < 5; i++) {
            cache.set("k" + i, i);
        }
        CacheStatistics stats = cache.statistics();
        assertThat(stats.evictions()).isEqualTo(OptionalLong.of(2));
        assertThat(stats.size()).isEqualTo(OptionalLong.of(3));
    }
}
