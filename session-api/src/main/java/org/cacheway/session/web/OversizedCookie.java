package org.cacheway.session.web;

import java.util.Locale;
import org.cacheway.session.SessionConfigurationException;

/**
 * What {@link SessionFilter} does with a session cookie over {@value SessionCookies#MAX_SIZE}
 * bytes, the filter's {@value #SETTING} setting: {@code raise} (the default) throws
 * {@link SessionCookieTooLargeException}, so the request fails as a server error; {@code log} logs
 * a WARN and sends the response without that cookie, so the browser keeps its previous one.
 */
public enum OversizedCookie {
    /** Throw {@link SessionCookieTooLargeException}. */
    RAISE,
    /** Log at WARN and send the response without the cookie. */
    LOG;

    /** The setting's name, also the filter's init parameter in {@code web.xml}. */
    public static final String SETTING = "SESSION_COOKIE_OVERSIZE";

    /**
     * The policy a setting names: {@code raise} or {@code log} (any case), or {@link #RAISE} when null.
     *
     * @throws SessionConfigurationException for any other value
     */
    public static OversizedCookie of(String value) {
        if (value == null) {
            return RAISE;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "raise":
                return RAISE;
            case "log":
                return LOG;
            default:
                throw SessionConfigurationException.of(SETTING, value, "expected 'raise' or 'log'");
        }
    }
}
