package org.cacheway.cache.redis.lock;

import org.cacheway.cache.CacheException;

/** A lock could not be taken in time, or was released while not held (redis-py's {@code LockError}). */
public class RedisLockException extends CacheException {
    private static final long serialVersionUID = 1L;

    /** A lock error with its message. */
    public RedisLockException(String message) {
        super(message);
    }
}
