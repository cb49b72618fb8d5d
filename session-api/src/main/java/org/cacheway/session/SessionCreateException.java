package org.cacheway.session;

/**
 * Django's {@code CreateError}: a save with {@code mustCreate} found the key already taken. Stores
 * throw it so {@link SessionStore#create} can retry under another key.
 */
public class SessionCreateException extends SessionException {
    private static final long serialVersionUID = 1L;

    /** A create error naming the session key that was taken. */
    public SessionCreateException(String sessionKey) {
        super("Session key '" + sessionKey + "' already exists");
    }
}
