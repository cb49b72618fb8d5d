package org.cacheway.cache;

/**
 * The store could not be reached or failed while serving a command. With {@code IGNORE_EXCEPTIONS}
 * a cache logs these and answers as for a miss (reads) or a failed write instead of throwing.
 */
public class CacheConnectionException extends CacheException {
    private static final long serialVersionUID = 1L;

    /** A connection error with a message naming the operation and key. */
    public CacheConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
