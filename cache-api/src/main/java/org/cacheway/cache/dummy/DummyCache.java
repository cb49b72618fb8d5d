package org.cacheway.cache.dummy;

import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.base.BaseCache;

/**
 * Django's dummy cache ({@code django.core.cache.backends.dummy.DummyCache}): implements the cache
 * API and keeps nothing, for turning caching off without changing code. Reads miss, {@code add}
 * and {@code set} report success, {@code delete}, {@code touch} and {@code hasKey} report false,
 * {@code incr}/{@code decr} and the version moves throw
 * {@link org.cacheway.cache.CacheMissException}, {@code getOrSet} returns the computed value. Keys
 * are still made, checked and warned about.
 */
public class DummyCache extends BaseCache {

    /** A dummy cache for one alias's settings ({@code OPTIONS} are accepted and ignored). */
    public DummyCache(CacheSettings settings) {
        super(settings, new NullStore());
    }

    private DummyCache(DummyCache cache, int version) {
        super(cache, version);
    }

    @Override
    protected DummyCache withVersion(int version) {
        return new DummyCache(this, version);
    }
}
