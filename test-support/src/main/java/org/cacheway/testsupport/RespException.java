package org.cacheway.testsupport;

/** An error reply ({@code -ERR ...}) sent by a Redis server in answer to a command. */
public final class RespException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception carrying the server's error line, e.g. {@code "ERR unknown command"}. */
    public RespException(String message) {
        super(message);
    }
}
