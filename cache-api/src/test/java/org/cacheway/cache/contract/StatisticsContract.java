package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.cacheway.cache.CacheStatistics;
import org.junit.jupiter.api.Test;

/**
 * Per-alias statistics, what metrics binders publish: reads by hit and miss per key, values stored,
 * keys removed and {@code getOrSet} loads, counted whichever face is used and shared by version
 * views, apart for each alias. Read through the registry's cache (the asynchronous face's wrapper
 * has no counters of its own).
 */
public interface StatisticsContract extends CacheFixture {

    private CacheStatistics statistics(String alias) {
        return caches().get(alias).statistics();
    }

    @Test
    default void statisticsCountReadsPerKeyAndWritesAndDeletes() {
        cache().set("a", "x");
        cache().get("a");
        cache().get("missing");
        cache().getMany(List.of("a", "b"));
        cache().delete("a");
        cache().delete("a");
        CacheStatistics stats = statistics(DEFAULT);
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.puts()).isEqualTo(1);
        assertThat(stats.deletes()).isEqualTo(1);
    }

    @Test
    default void statisticsCountGetOrSetComputationsAsLoadsWithTheirTime() {
        cache().getOrSet("k", () -> {
            ContractSupport.sleep(20);
            return "v";
        });
        cache().getOrSet("k", () -> "never");
        assertThatThrownBy(() -> cache().getOrSet("broken", () -> {
            throw new IllegalStateException("no");
        })).isInstanceOf(RuntimeException.class);
        CacheStatistics stats = statistics(DEFAULT);
        assertThat(stats.loadSuccesses()).isEqualTo(1);
        assertThat(stats.loadFailures()).isEqualTo(1);
        assertThat(stats.totalLoadTime()).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    default void versionViewsShareTheirAliasStatistics() {
        cache().version(2).set("v", "x");
        cache().version(3).get("v");
        CacheStatistics stats = statistics(DEFAULT);
        assertThat(stats.puts()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(1);
    }

    @Test
    default void eachAliasCountsItsOwnStatistics() {
        cache(PREFIXED).set("a", "x");
        cache(PREFIXED).get("a");
        assertThat(statistics(PREFIXED).hits()).isEqualTo(1);
        assertThat(statistics(DEFAULT).gets()).isZero();
        assertThat(statistics(DEFAULT).puts()).isZero();
    }
}
