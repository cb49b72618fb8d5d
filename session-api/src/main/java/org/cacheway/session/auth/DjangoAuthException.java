package org.cacheway.session.auth;

import org.cacheway.session.SessionException;

/**
 * A login was asked with unusable input (no user id, no password hash, no backend); the message
 * names the argument and the value. Nothing in the session was changed.
 */
public class DjangoAuthException extends SessionException {
    private static final long serialVersionUID = 1L;

    /** An error with a ready-made message. */
    public DjangoAuthException(String message) {
        super(message);
    }
}
