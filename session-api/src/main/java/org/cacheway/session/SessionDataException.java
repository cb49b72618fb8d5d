package org.cacheway.session;

/**
 * A stored session record could not be decoded. Only thrown under {@code SESSION_STRICT_DATA};
 * by default, like Django, undecodable data loads as an empty session.
 */
public class SessionDataException extends SessionException {
    private static final long serialVersionUID = 1L;

    /** A decoding error with its cause. */
    public SessionDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
