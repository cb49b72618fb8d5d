package org.cacheway.cache.plugin;

import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheContext;
import org.cacheway.cache.CacheSettings;

/** Builds the cache of one alias: what a {@code BACKEND} name stands for. */
@FunctionalInterface
public interface CacheBackend {

    /**
     * The cache for {@code settings}, sharing the registry's resources through {@code context}.
     *
     * @throws org.cacheway.cache.CacheConfigurationException naming the alias, setting and value
     */
    Cache create(CacheSettings settings, CacheContext context);
}
