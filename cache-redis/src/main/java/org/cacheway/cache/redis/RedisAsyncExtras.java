package org.cacheway.cache.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.Futures;
import org.cacheway.cache.redis.client.CacheClient;

/**
 * The asynchronous twins of {@link RedisCache}'s extras, over the client's asynchronous API, with
 * the same version, results and fail-open answers. Argument errors complete the future
 * exceptionally rather than throwing.
 */
public final class RedisAsyncExtras {
    private final RedisCache cache;

    RedisAsyncExtras(RedisCache cache) {
        this.cache = cache;
    }

    private CacheClient client() {
        return cache.client();
    }

    /** Runs {@code extra} on the made key, fail-open answering {@code fallback}. */
    private <T> CompletableFuture<T> run(String key, Function<String, CompletableFuture<T>> extra,
            Supplier<T> fallback) {
        CompletableFuture<T> dispatched;
        try {
            dispatched = extra.apply(cache.makeKey(key));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return dispatched.handle((value, error) -> {
            if (error == null) {
                return value;
            }
            if (fallback != null && cache.failOpenPolicy().survives(error)) {
                return fallback.get();
            }
            throw Futures.rethrow(error);
        });
    }

    /** Asynchronous {@link RedisCache#ttl(String)}. */
    public CompletableFuture<Long> ttl(String key) {
        return pttl(key).thenApply(RedisCache::seconds);
    }

    /** Asynchronous {@link RedisCache#pttl(String)}. */
    public CompletableFuture<Long> pttl(String key) {
        return run(key, made -> client().pttlAsync(made).thenApply(RedisCache::millis), () -> 0L);
    }

    /** Asynchronous {@link RedisCache#expire(String, long)}. */
    public CompletableFuture<Boolean> expire(String key, long seconds) {
        return pexpire(key, Math.multiplyExact(seconds, 1000L));
    }

    /** Asynchronous {@link RedisCache#expire(String, Duration)}. */
    public CompletableFuture<Boolean> expire(String key, Duration timeout) {
        return pexpire(key, timeout.toMillis());
    }

    /** Asynchronous {@link RedisCache#pexpire(String, long)}. */
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return run(key, made -> client().pexpireAsync(made, millis), () -> false);
    }

    /** Asynchronous {@link RedisCache#expireAt(String, Instant)}. */
    public CompletableFuture<Boolean> expireAt(String key, Instant when) {
        return pexpireAt(key, when.toEpochMilli());
    }

    /** Asynchronous {@link RedisCache#pexpireAt(String, long)}. */
    public CompletableFuture<Boolean> pexpireAt(String key, long epochMillis) {
        return run(key, made -> client().pexpireAtAsync(made, epochMillis), () -> false);
    }

    /** Asynchronous {@link RedisCache#persist(String)}. */
    public CompletableFuture<Boolean> persist(String key) {
        return run(key, made -> client().persistAsync(made), () -> false);
    }

    /** Asynchronous {@link RedisCache#set(String, Object, Timeout, SetMode)}. */
    public CompletableFuture<Boolean> set(String key, Object value, Timeout timeout, SetMode mode) {
        if (mode == SetMode.ALWAYS) {
            return cache.async().set(key, value, timeout);
        }
        return run(key, made -> {
            Timeout resolved = cache.resolved(timeout);
            if (resolved.isExpired()) {
                return mode == SetMode.NX ? client().existsAsync(made).thenApply(exists -> !exists)
                        : client().deleteAsync(made);
            }
            return client().setAsync(made, cache.codec().encode(value), resolved, mode);
        }, () -> false);
    }

    /** Asynchronous {@link RedisCache#incr(String, long, boolean)}. */
    public CompletableFuture<Long> incr(String key, long delta, boolean ignoreKeyCheck) {
        if (!ignoreKeyCheck) {
            return cache.async().incr(key, delta);
        }
        return run(key, made -> client().incrByCreatingAsync(made, delta), null);
    }
}
