package org.cacheway.cache.base;

import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.CacheSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code IGNORE_EXCEPTIONS} policy: with it, a connection or timeout error is logged (when
 * {@code LOG_IGNORED_EXCEPTIONS}) and survived, and the operation answers as for a miss or a failed
 * write; without it the error is thrown. Serialization errors are never survived.
 */
public final class FailOpen {
    private final boolean ignore;
    private final boolean log;
    private final Logger logger;

    FailOpen(boolean ignore, boolean log, String loggerName) {
        this.ignore = ignore;
        this.log = log;
        this.logger = LoggerFactory.getLogger(loggerName);
    }

    /** The policy from {@code OPTIONS}: {@code IGNORE_EXCEPTIONS}, {@code LOG_IGNORED_EXCEPTIONS}, {@code LOGGER}. */
    public static FailOpen from(CacheSettings settings) {
        CacheSettings.Options options = settings.options();
        return new FailOpen(options.bool("IGNORE_EXCEPTIONS", false), options.bool("LOG_IGNORED_EXCEPTIONS", false),
                options.string("LOGGER", "org.cacheway.cache.ignored"));
    }

    /** Whether errors are survived. */
    public boolean ignores() {
        return ignore;
    }

    /**
     * Survives {@code error} (logging it when asked) or rethrows it.
     *
     * @throws CacheConnectionException the error itself, when not ignoring
     */
    public void survive(CacheConnectionException error) {
        if (!ignore) {
            throw error;
        }
        if (log) {
            logger.error("Exception ignored: {}", error.getMessage(), error);
        }
    }

    /**
     * For asynchronous faces: survives {@code error} when it is (or wraps) a connection error that
     * is ignored, and reports whether it did; anything else is rethrown unchecked.
     */
    public boolean survives(Throwable error) {
        Throwable cause = Futures.unwrap(error);
        if (cause instanceof CacheConnectionException connection && ignore) {
            survive(connection);
            return true;
        }
        return false;
    }
}
