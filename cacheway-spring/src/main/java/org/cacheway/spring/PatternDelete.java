package org.cacheway.spring;

import org.cacheway.cache.Cache;
import org.cacheway.cache.redis.RedisCache;

/**
 * Deletes the keys of one Spring cache by pattern, never emptying the database: on Redis through
 * {@link RedisCache#deletePattern(String)} (SCAN, then DEL in batches). cache-redis is an optional
 * dependency, so it is only touched when it is on the class path.
 */
final class PatternDelete {
    private static final boolean REDIS = present("org.cacheway.cache.redis.RedisCache");

    private PatternDelete() {
    }

    /** Whether {@code cache}'s backend can delete by pattern. */
    static boolean supports(Cache cache) {
        return REDIS && Redis.is(cache);
    }

    /**
     * Deletes the keys of {@code cache} (this version) that match the user-key glob; returns how many.
     *
     * @throws UnsupportedOperationException when the backend has no pattern delete
     */
    static long delete(Cache cache, String glob, String springName) {
        if (!supports(cache)) {
            throw new UnsupportedOperationException("cannot clear Spring cache '" + springName + "' alone: alias '"
                    + cache.alias() + "' (" + cache.getClass().getSimpleName() + ") has no pattern delete; give the"
                    + " Spring cache an alias of its own in CACHES, or use a Redis alias");
        }
        return Redis.delete(cache, glob);
    }

    private static boolean present(String name) {
        try {
            Class.forName(name, false, PatternDelete.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The only place naming cache-redis's types, loaded only when they are present. */
    private static final class Redis {
        static boolean is(Cache cache) {
            return cache instanceof RedisCache;
        }

        static long delete(Cache cache, String glob) {
            return ((RedisCache) cache).deletePattern(glob);
        }
    }
}
