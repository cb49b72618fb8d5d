package org.cacheway.cache;

/**
 * A setting is missing, unknown or malformed. The message names the alias, the setting and the
 * offending value, so a bad {@code CACHES} block is found from the message alone.
 */
public class CacheConfigurationException extends CacheException {
    private static final long serialVersionUID = 1L;

    /** A configuration error with a ready-made message. */
    public CacheConfigurationException(String message) {
        super(message);
    }

    /** A configuration error with a ready-made message and its cause. */
    public CacheConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The standard message: {@code CACHES['alias']['SETTING'] = value: problem}.
     *
     * @param alias the cache alias (or another scope such as {@code SESSION})
     * @param setting the setting's name as the user wrote it
     * @param value the offending value (may be null)
     * @param problem what is wrong with it
     */
    public static CacheConfigurationException of(String alias, String setting, Object value, String problem) {
        return new CacheConfigurationException(describe(alias, setting, value, problem));
    }

    /** Same as {@link #of(String, String, Object, String)} with a cause. */
    public static CacheConfigurationException of(String alias, String setting, Object value, String problem,
            Throwable cause) {
        return new CacheConfigurationException(describe(alias, setting, value, problem), cause);
    }

    private static String describe(String alias, String setting, Object value, String problem) {
        String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
        return "CACHES['" + alias + "']['" + setting + "'] = " + shown + ": " + problem;
    }
}
