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
import org.cacheway.cache.CacheServerException;
import org.cacheway.cache.CacheTimeoutException;
import org.cacheway.cache.CacheValueException;
import org.cacheway.cache.base.Stages;

/**
 * The one place Lettuce's exceptions become Cacheway's, with messages naming the alias, operation
 * and key: a command timeout becomes {@link CacheTimeoutException}, an error reply a
 * {@link CacheServerException} carrying its code ({@code READONLY}, {@code OOM},
 * {@code CLUSTERDOWN}, {@code LOADING}, {@code BUSY}, {@code TRYAGAIN}...), every other Lettuce
 * failure (refused or lost connection, commands rejected while disconnected) a
 * {@link CacheConnectionException}; fail-open survives all three. Only for the arithmetic
 * commands, and only when the reply says the stored value is not an integer, is of the wrong type
 * or would overflow, is an error reply a {@link CacheValueException}. Anything else passes through.
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
        if (cause instanceof RedisCommandExecutionException) {
            String code = code(cause.getMessage());
            return new CacheServerException(code, describe("refused by the server (" + code + ")", operation, key, cause),
                    cause);
        }
        return new CacheConnectionException(describe("failed", operation, key, cause), cause);
    }

    /**
     * The code of an error reply: its first word when that is upper case ({@code READONLY},
     * {@code OOM}, {@code WRONGTYPE}; Redis 7 keeps the code of an error raised inside a script),
     * else {@code ERR}.
     */
    static String code(String message) {
        if (message == null) {
            return "ERR";
        }
        int end = 0;
        while (end < message.length() && message.charAt(end) >= 'A' && message.charAt(end) <= 'Z') {
            end++;
        }
        boolean word = end > 0 && (end == message.length() || message.charAt(end) == ' ');
        return word ? message.substring(0, end) : "ERR";
    }

    /**
     * Like {@link #translate}, but an error reply saying that the stored value does not suit the
     * arithmetic (not an integer, the wrong type, an overflow) becomes a
     * {@link CacheValueException}; any other error reply (a server state) stays a
     * {@link CacheServerException}.
     */
    public RuntimeException translateValue(Throwable error, String operation, String key) {
        Throwable cause = Stages.unwrap(error);
        String problem = cause instanceof RedisCommandExecutionException ? valueProblem(cause.getMessage()) : null;
        if (problem != null) {
            return new CacheValueException("Cannot " + operation + " key '" + key + "' of cache '" + alias + "': "
                    + problem);
        }
        return translate(cause, operation, key);
    }

    /** What an error reply says is wrong with the stored value, or null when it is about something else. */
    private static String valueProblem(String message) {
        if (message == null) {
            return null;
        }
        if (message.startsWith("ERR value is not an integer")) {
            return "the stored value is not an integer or the result is out of range";
        }
        if (message.startsWith("ERR increment or decrement would overflow")) {
            return "increment or decrement would overflow";
        }
        return message.startsWith("WRONGTYPE") ? "the key holds a value of another Redis type" : null;
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

    private String describe(String what, String operation, String key, Throwable cause) {
        StringBuilder text = new StringBuilder("Redis ").append(operation).append(' ');
        if (key != null) {
            text.append("of key '").append(key).append("' ");
        }
        return text.append(what).append(" on cache '").append(alias).append("': ").append(cause.getMessage())
                .toString();
    }
}
