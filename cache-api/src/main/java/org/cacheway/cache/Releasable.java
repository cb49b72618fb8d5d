package org.cacheway.cache;

/**
 * A cache that holds resources (connections, threads) released for good when the
 * {@link Caches} registry that built it is closed. After {@link #release()} every operation throws
 * {@link CacheClosedException}.
 */
public interface Releasable {
    /** Releases the cache's resources for good. Idempotent. */
    void release();
}
