package org.cacheway.cache;

/**
 * The stored value does not suit the operation, such as {@code incr} on a value that is not an
 * integer, or an increment that would overflow 64 bits. The stored value is left untouched.
 */
public class CacheValueException extends CacheException {
    private static final long serialVersionUID = 1L;

    /** A value error with its message. */
    public CacheValueException(String message) {
        super(message);
    }
}
