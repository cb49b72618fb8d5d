package org.cacheway.cache;

/**
 * The store did not answer within {@code SOCKET_TIMEOUT} (or did not accept a connection within
 * {@code SOCKET_CONNECT_TIMEOUT}). A kind of connection error, so fail-open covers it too.
 */
public class CacheTimeoutException extends CacheConnectionException {
    private static final long serialVersionUID = 1L;

    /** A timeout with a message naming the operation and key. */
    public CacheTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
