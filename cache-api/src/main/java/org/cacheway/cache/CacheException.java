package org.cacheway.cache;

/**
 * Root of Cacheway's exception hierarchy: every error a cache reports is one of these, so a caller
 * can catch a single type. Subclasses say what went wrong (configuration, connection, timeout,
 * serialization, a missing key); messages name the alias, operation and key where they are known.
 */
public class CacheException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An error with a message. */
    public CacheException(String message) {
        super(message);
    }

    /** An error with a message and the cause it wraps. */
    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
