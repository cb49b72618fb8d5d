package org.cacheway.cache;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A snapshot of one alias's counters since it was built, shared by all its version views: what
 * metrics libraries publish ({@code cache.gets} by hit and miss, {@code cache.puts},
 * {@code cache.evictions}, {@code cache.size}). Reads count per key (a {@code getMany} of ten keys
 * is ten gets); puts count the values stored; deletes the keys removed; loads the computations of
 * {@code getOrSet}, with their total time. Evictions and size are empty where the backend cannot
 * tell.
 *
 * @param hits reads that found a value
 * @param misses reads that found none
 * @param puts values stored
 * @param deletes keys removed
 * @param evictions entries the backend dropped to make room, when it knows
 * @param size entries held now, when the backend knows
 * @param loadSuccesses {@code getOrSet} computations that returned a value
 * @param loadFailures {@code getOrSet} computations that threw
 * @param totalLoadTime the time those computations took in all
 */
public record CacheStatistics(long hits, long misses, long puts, long deletes, OptionalLong evictions,
        OptionalLong size, long loadSuccesses, long loadFailures, Duration totalLoadTime) {

    /** Counters of a cache that counts nothing. */
    public static final CacheStatistics NONE = new CacheStatistics(0, 0, 0, 0, OptionalLong.empty(),
            OptionalLong.empty(), 0, 0, Duration.ZERO);

    /** Reads, hits and misses together. */
    public long gets() {
        return hits + misses;
    }
}
