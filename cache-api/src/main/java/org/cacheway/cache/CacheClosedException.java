package org.cacheway.cache;

/**
 * The registry that owns a cache was closed, so its connections are gone for good. (A cache's own
 * {@link Cache#close()} is per request and not terminal, as in Django.)
 */
public class CacheClosedException extends CacheException {
    private static final long serialVersionUID = 1L;

    /** A closed-cache error naming the alias. */
    public CacheClosedException(String alias) {
        super("Cache '" + alias + "' is closed: its Caches registry was closed");
    }
}
