package org.cacheway.session;

import org.cacheway.cache.CacheConfigurationException;

/**
 * A session setting is unknown or malformed; the message names the setting and the value, as in
 * {@code SESSION_COOKIE_AGE = 'two weeks': expected a whole number}.
 */
public class SessionConfigurationException extends CacheConfigurationException {
    private static final long serialVersionUID = 1L;

    /** A configuration error with a ready-made message. */
    public SessionConfigurationException(String message) {
        super(message);
    }

    /** A configuration error with a ready-made message and its cause. */
    public SessionConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The standard message: {@code SETTING = value: problem}. */
    public static SessionConfigurationException of(String setting, Object value, String problem) {
        String shown = value == null ? "None" : value instanceof CharSequence ? "'" + value + "'" : value.toString();
        return new SessionConfigurationException(setting + " = " + shown + ": " + problem);
    }
}
