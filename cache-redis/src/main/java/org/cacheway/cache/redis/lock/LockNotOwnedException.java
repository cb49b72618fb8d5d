package org.cacheway.cache.redis.lock;

/**
 * The lock's key no longer holds this lock's token (it expired, or another holder took it), so it
 * cannot be released or extended (redis-py's {@code LockNotOwnedError}).
 */
public class LockNotOwnedException extends RedisLockException {
    private static final long serialVersionUID = 1L;

    /** The error for an operation ({@code release} or {@code extend}) on a lock no longer owned. */
    public LockNotOwnedException(String operation) {
        super("Cannot " + operation + " a lock that's no longer owned");
    }
}
