package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.CacheTimeoutException;
import org.cacheway.cache.CacheValueException;
import org.cacheway.cache.base.Stages;

/**
 * The one place Lettuce's exceptions become Cacheway's, with messages naming the alias, operation
 * and key: a command timeout becomes {@link CacheTimeoutException}, every other Lettuce failure
 * (refused or lost connection, commands rejected while disconnected, an error reply) a
 * {@link CacheConnectionException}, which fail-open survives; for the arithmetic commands an error
 * reply is a {@link CacheValueException}. Anything else passes through.
 */
public final class LettuceErrors {
    private final String alias;

    /** Translations for the cache {@code alias}. */
    public LettuceErrors(String alias) {
        this.alias = alias;
    }

    /** The cache alias, for messages. */
    public String alias() {
        return alias;
    }

    /**
     * The Cacheway exception for {@code error} raised by {@code operation} on {@code key} (null
     * when the operation has no single key); non-Lettuce runtime errors are returned unchanged.
     */
    public RuntimeException translate(Throwable error, String operation, String key) {
        Throwable cause = Stages.unwrap(error);
        if (cause instanceof CacheException cacheException) {
            return cacheException;
        }
        if (cause instanceof RedisCommandTimeoutException) {
            return new CacheTimeoutException(describe("timed out", operation, key, cause), cause);
        }
        if (cause instanceof RedisCommandInterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (cause instanceof RuntimeException runtime && !(cause instanceof RedisException)) {
            return runtime;
        }
        return new CacheConnectionException(describe("failed", operation, key, cause), cause);
    }

    /**
     * Like {@link #translate}, but a Redis error reply (a value that is not an integer, an
     * overflow) becomes a {@link CacheValueException}.
     */
    public RuntimeException translateValue(Throwable error, String operation, String key) {
        Throwable cause = Stages.unwrap(error);
        if (cause instanceof RedisCommandExecutionException) {
            return new CacheValueException("Cannot " + operation + " key '" + key + "' of cache '" + alias + "': "
                    + valueProblem(cause.getMessage()));
        }
        return translate(cause, operation, key);
    }

    private static String valueProblem(String message) {
        if (message == null) {
            return "Redis refused the value";
        }
        if (message.contains("value is not an integer")) {
            return "the stored value is not an integer or the result is out of range";
        }
        return message.contains("overflow") ? "increment or decrement would overflow" : message;
    }

    /**
     * The one translated future of a command: {@code reply}'s value mapped by {@code map}, or its
     * failure translated ({@code values}: error replies are value errors).
     */
    public <T, R> CompletableFuture<R> reply(CompletionStage<T> reply, String operation, String key, boolean values,
            Function<? super T, ? extends R> map) {
        return reply.toCompletableFuture().handle((value, error) -> {
            if (error != null) {
                throw values ? translateValue(error, operation, key) : translate(error, operation, key);
            }
            return map.apply(value);
        });
    }

    /** A failed future holding the translation of {@code error}. */
    public <T> CompletableFuture<T> failed(Throwable error, String operation, String key) {
        return CompletableFuture.failedFuture(translate(error, operation, key));
    }

    private String describe(String what, String operation, String key, Throwable cause) {
        StringBuilder text = new StringBuilder("Redis ").append(operation).append(' ');
        if (key != null) {
            text.append("of key '").append(key).append("' ");
        }
        return text.append(what).append(" on cache '").append(alias).append("': ").append(cause.getMessage())
                .toString();
    }
}
