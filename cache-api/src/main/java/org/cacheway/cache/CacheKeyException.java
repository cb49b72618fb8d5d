package org.cacheway.cache;

/** A key is unusable: null, or (for a made key) rejected by the key function. */
public class CacheKeyException extends CacheException {
    private static final long serialVersionUID = 1L;

    /** A key error with its message. */
    public CacheKeyException(String message) {
        super(message);
    }
}
