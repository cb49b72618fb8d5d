package org.cacheway.session;

import org.cacheway.cache.CacheException;

/**
 * Root of the session errors, under Cacheway's {@link CacheException} so one catch covers caches
 * and sessions. Subclasses mirror Django's {@code CreateError}, {@code UpdateError} and corrupt data.
 */
public class SessionException extends CacheException {
    private static final long serialVersionUID = 1L;

    /** A session error with a message. */
    public SessionException(String message) {
        super(message);
    }

    /** A session error with a message and its cause. */
    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
