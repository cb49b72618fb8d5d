package org.cacheway.cache.redis;

/**
 * A snapshot of one alias's near cache ({@code OPTIONS['NEAR_CACHE']}) since it was built, for
 * metrics: reads answered locally and reads that went to Redis, entries dropped to respect
 * {@code MAX_ENTRIES}, keys Redis said changed, and whole-copy clears (Redis's "flush everything"
 * push, this cache's clear, a lost connection, a failover).
 *
 * @param hits reads answered by the local copy
 * @param misses reads of keys the local copy did not hold (they went to Redis)
 * @param evictions entries dropped to keep the copy within {@code MAX_ENTRIES}
 * @param invalidations keys Redis's tracking invalidated while this client held or was reading them
 * @param flushes times the whole local copy was dropped
 * @param size entries held now (an estimate while evictions are pending)
 */
public record NearCacheStatistics(long hits, long misses, long evictions, long invalidations, long flushes,
        long size) {

    /** Reads, local hits and misses together. */
    public long reads() {
        return hits + misses;
    }

    /** The share of reads answered locally, 0 when there were none. */
    public double hitRate() {
        long reads = reads();
        return reads == 0 ? 0 : (double) hits / reads;
    }
}
