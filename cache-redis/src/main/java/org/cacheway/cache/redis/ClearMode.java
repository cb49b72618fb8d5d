package org.cacheway.cache.redis;

/** What {@link RedisCache#clear(ClearMode)} removes. */
public enum ClearMode {
    /** The whole logical database ({@code FLUSHDB}), other applications' keys included, as Django does. */
    DATABASE,
    /** Only this cache's keys: those under its {@code KEY_PREFIX}, found by {@code SCAN} and deleted. */
    PREFIX
}
