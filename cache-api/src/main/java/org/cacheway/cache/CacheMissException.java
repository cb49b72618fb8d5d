package org.cacheway.cache;

/**
 * An operation that needs an existing key found none: {@code incr}, {@code decr},
 * {@code incrVersion} and {@code decrVersion} on a missing key (Django's
 * {@code ValueError("Key 'k' not found")}).
 */
public class CacheMissException extends CacheException {
    private static final long serialVersionUID = 1L;
    /** The user key that was not found (part of the serialized form). */
    private final String key;

    /** A miss on the given user key. */
    public CacheMissException(String key) {
        super("Key '" + key + "' not found");
        this.key = key;
    }

    /** The user key that was not found. */
    public String key() {
        return key;
    }
}
