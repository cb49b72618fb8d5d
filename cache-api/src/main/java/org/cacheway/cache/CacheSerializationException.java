package org.cacheway.cache;

/**
 * A value could not be turned into bytes (an unsupported type) or bytes could not be turned back
 * into a value (undecodable data, a refused class). Never swallowed by fail-open.
 */
public class CacheSerializationException extends CacheException {
    private static final long serialVersionUID = 1L;

    /** A serialization error with a message naming what failed. */
    public CacheSerializationException(String message) {
        super(message);
    }

    /** A serialization error with its cause. */
    public CacheSerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
