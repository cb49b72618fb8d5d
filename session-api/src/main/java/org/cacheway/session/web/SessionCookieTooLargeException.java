package org.cacheway.session.web;

import org.cacheway.session.SessionException;

/**
 * The session cookie the filter would send is over the {@value SessionCookies#MAX_SIZE} bytes every
 * browser must keep (RFC 6265, section 6.1), so a browser could drop it silently and the user would
 * lose the session's changes unseen; Rails raises {@code CookieOverflow} for the same reason. Only
 * signed-cookie sessions grow: keep less in them, or use a server-side engine.
 */
public class SessionCookieTooLargeException extends SessionException {
    private static final long serialVersionUID = 1L;

    private final String cookieName;
    private final int size;

    /**
     * An oversized cookie.
     *
     * @param cookieName the cookie's name ({@code SESSION_COOKIE_NAME})
     * @param size the bytes of its whole {@code Set-Cookie} value
     */
    public SessionCookieTooLargeException(String cookieName, int size) {
        super("The session cookie '" + cookieName + "' would be " + size + " bytes (name, value and attributes),"
                + " over the " + SessionCookies.MAX_SIZE + " bytes browsers must keep; store less in the session"
                + " or use a server-side SESSION_ENGINE");
        this.cookieName = cookieName;
        this.size = size;
    }

    /** The cookie's name. */
    public String cookieName() {
        return cookieName;
    }

    /** The bytes of the cookie's whole {@code Set-Cookie} value. */
    public int size() {
        return size;
    }
}
