package org.cacheway.session;

/**
 * Django's {@code UpdateError}: saving a session whose record vanished meanwhile (logged out or
 * expired in another request). A save never resurrects such a session; the web filter answers 400.
 */
public class SessionUpdateException extends SessionException {
    private static final long serialVersionUID = 1L;

    /** Django's {@code SessionInterrupted} message, which the filter sends with the 400. */
    public static final String INTERRUPTED_MESSAGE = "The request's session was deleted before the request "
            + "completed. The user may have logged out in a concurrent request, for example.";

    /** An update error; the key is not named, since it is a credential. */
    public SessionUpdateException() {
        super(INTERRUPTED_MESSAGE);
    }
}
