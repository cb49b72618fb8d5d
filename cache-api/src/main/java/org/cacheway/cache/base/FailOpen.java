package org.cacheway.cache.base;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code IGNORE_EXCEPTIONS} policy: with it, a connection or timeout error is logged (when
 * {@code LOG_IGNORED_EXCEPTIONS}) and survived, and the operation answers as for a miss or a failed
 * write; without it the error is reported. Serialization and value errors are never survived.
 */
public final class FailOpen {
    /** {@code OPTIONS['IGNORE_EXCEPTIONS']}: survive connection errors. */
    public static final CacheOption<Boolean> IGNORE_EXCEPTIONS = CacheOption.bool("IGNORE_EXCEPTIONS", false);
    /** {@code OPTIONS['LOG_IGNORED_EXCEPTIONS']}: log the errors survived. */
    public static final CacheOption<Boolean> LOG_IGNORED_EXCEPTIONS = CacheOption.bool("LOG_IGNORED_EXCEPTIONS", false);
    /** {@code OPTIONS['LOGGER']}: the logger they are logged to. */
    public static final CacheOption<String> LOGGER = CacheOption.string("LOGGER", "org.cacheway.cache.ignored");
    /** The options this policy reads. */
    public static final List<CacheOption<?>> OPTIONS = List.of(IGNORE_EXCEPTIONS, LOG_IGNORED_EXCEPTIONS, LOGGER);

    private final boolean ignore;
    private final boolean log;
    private final Logger logger;

    private FailOpen(boolean ignore, boolean log, String loggerName) {
        this.ignore = ignore;
        this.log = log;
        this.logger = LoggerFactory.getLogger(loggerName);
    }

    /** The policy a cache's {@code OPTIONS} describe. */
    public static FailOpen from(CacheSettings settings) {
        return new FailOpen(IGNORE_EXCEPTIONS.read(settings), LOG_IGNORED_EXCEPTIONS.read(settings),
                LOGGER.read(settings));
    }

    /** Whether errors are survived. */
    public boolean ignores() {
        return ignore;
    }

    /**
     * {@code stage}, with a connection or timeout failure answered by {@code fallback} (and logged
     * when asked) if errors are ignored; any other outcome passes through. Returns {@code stage}
     * itself when errors are not ignored, so strict caches pay nothing.
     */
    public <T> CompletableFuture<T> recover(CompletableFuture<T> stage, Supplier<? extends T> fallback) {
        if (!ignore) {
            return stage;
        }
        return stage.exceptionally(error -> {
            if (survives(error)) {
                return fallback.get();
            }
            throw Stages.rethrow(error);
        });
    }

    /** Whether {@code error} (or the cause a future wrapped it in) is one this policy survives; logs it if so. */
    public boolean survives(Throwable error) {
        if (ignore && Stages.unwrap(error) instanceof CacheConnectionException connection) {
            if (log) {
                logger.error("Exception ignored: {}", connection.getMessage(), connection);
            }
            return true;
        }
        return false;
    }
}
