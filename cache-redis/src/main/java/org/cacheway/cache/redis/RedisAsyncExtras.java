package org.cacheway.cache.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cacheway.cache.KeyFunction;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.SetCondition;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.redis.client.CacheClient;
import org.cacheway.cache.redis.client.ScanPage;
import org.cacheway.cache.redis.internal.KeyPatterns;

/**
 * {@link RedisCache}'s extras, each written once over the client's futures: make the key, call the
 * client, convert the reply, fail open where the extra does. {@link RedisCache}'s synchronous
 * methods wait for these same futures, so both faces share version, results and fail-open answers.
 * Argument errors complete the future exceptionally rather than throwing.
 */
public final class RedisAsyncExtras {
    private final RedisCache cache;

    RedisAsyncExtras(RedisCache cache) {
        this.cache = cache;
    }

    private CacheClient client() {
        return cache.client();
    }

    /** Runs {@code extra} on the made key; with a {@code fallback}, a survived connection error answers it. */
    private <T> CompletableFuture<T> keyed(String key, Function<String, CompletableFuture<T>> extra,
            Supplier<T> fallback) {
        return Stages.guard(() -> {
            CompletableFuture<T> stage = extra.apply(cache.makeKey(key));
            return fallback == null ? stage : cache.failOpenPolicy().recover(stage, fallback);
        });
    }

    static Long millis(long pttl) {
        return pttl == -2 ? Long.valueOf(0) : pttl == -1 ? null : Long.valueOf(pttl);
    }

    static Long seconds(Long millis) {
        return millis == null ? null : millis == 0 ? 0L : (millis + 500) / 1000;
    }

    /** Seconds the key has left (rounded as Redis's TTL): 0 when missing, null when it never expires. */
    public CompletableFuture<Long> ttl(String key) {
        return pttl(key).thenApply(RedisAsyncExtras::seconds);
    }

    /** Milliseconds the key has left: 0 when missing, null when it never expires. */
    public CompletableFuture<Long> pttl(String key) {
        return keyed(key, made -> client().pttl(made).thenApply(RedisAsyncExtras::millis), () -> 0L);
    }

    /** Gives the key {@code seconds} to live (zero or negative deletes it); whether it existed. */
    public CompletableFuture<Boolean> expire(String key, long seconds) {
        return Stages.guard(() -> pexpire(key, Math.multiplyExact(seconds, 1000L)));
    }

    /** Gives the key {@code timeout} to live; whether it existed. */
    public CompletableFuture<Boolean> expire(String key, Duration timeout) {
        return pexpire(key, timeout.toMillis());
    }

    /** Gives the key {@code millis} milliseconds to live; whether it existed. */
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return keyed(key, made -> client().pexpire(made, millis), () -> false);
    }

    /** Expires the key at {@code when} (a past time deletes it); whether it existed. */
    public CompletableFuture<Boolean> expireAt(String key, Instant when) {
        return pexpireAt(key, when.toEpochMilli());
    }

    /** Expires the key at a Unix time in seconds; whether it existed. */
    public CompletableFuture<Boolean> expireAt(String key, long epochSeconds) {
        return Stages.guard(() -> pexpireAt(key, Math.multiplyExact(epochSeconds, 1000L)));
    }

    /** Expires the key at a Unix time in milliseconds; whether it existed. */
    public CompletableFuture<Boolean> pexpireAt(String key, long epochMillis) {
        return keyed(key, made -> client().pexpireAt(made, epochMillis), () -> false);
    }

    /** Expires the key at {@code when}, with millisecond precision; whether it existed. */
    public CompletableFuture<Boolean> pexpireAt(String key, Instant when) {
        return pexpireAt(key, when.toEpochMilli());
    }

    /** Removes the key's expiry; true when it had one, false when missing or already persistent. */
    public CompletableFuture<Boolean> persist(String key) {
        return keyed(key, made -> client().persist(made), () -> false);
    }

    /** {@link RedisCache#set(String, Object, Timeout, SetMode)}: a store under the condition; whether it stored. */
    public CompletableFuture<Boolean> set(String key, Object value, Timeout timeout, SetMode mode) {
        if (mode == SetMode.ALWAYS) {
            return cache.async().set(key, value, timeout);
        }
        return keyed(key, made -> {
            Timeout resolved = cache.resolved(timeout);
            if (resolved.isExpired()) {
                return mode == SetMode.NX ? client().exists(made).thenApply(exists -> !exists) : client().delete(made);
            }
            return client().set(made, cache.codec().encode(value), resolved,
                    mode == SetMode.NX ? SetCondition.IF_ABSENT : SetCondition.IF_PRESENT);
        }, () -> false);
    }

    /** {@link RedisCache#incr(String, long, boolean)}: never fails open. */
    public CompletableFuture<Long> incr(String key, long delta, boolean ignoreKeyCheck) {
        if (!ignoreKeyCheck) {
            return cache.async().incr(key, delta);
        }
        return keyed(key, made -> client().incrByCreating(made, delta), null);
    }

    // ---- patterns and scans --------------------------------------------------------------

    /**
     * Deletes the keys matching the user's glob, scanning {@code itersize} at a time; how many
     * ({@code cache.async().deletePattern(glob)} scans {@code SCAN_ITERSIZE} at a time).
     */
    public CompletableFuture<Long> deletePattern(String glob, int itersize) {
        return deleting(() -> cache.makePattern(glob), itersize);
    }

    /** Deletes only this cache's keys, those under its {@code KEY_PREFIX}; how many. */
    public CompletableFuture<Long> clearPrefix() {
        return deleting(() -> {
            cache.ensureOpen();
            return KeyPatterns.prefixPattern(cache.settings().keyFunction(), cache.settings().keyPrefix(),
                    cache.version());
        }, cache.scanItersize());
    }

    private CompletableFuture<Long> deleting(Supplier<String> pattern, int itersize) {
        return Stages.guard(() -> cache.failOpenPolicy().recover(client().deletePattern(pattern.get(), itersize),
                () -> 0L));
    }

    /** The user keys matching {@code glob}, each once (by SCAN, never the blocking KEYS). */
    public CompletableFuture<List<String>> keys(String glob) {
        return Stages.guard(() -> {
            String pattern = cache.makePattern(glob);
            KeyFunction keyFunction = cache.settings().keyFunction();
            int count = Math.max(cache.scanItersize(), 100);
            return cache.failOpenPolicy().recover(collect(pattern, count, null, new LinkedHashSet<>())
                    .thenApply(made -> made.stream().map(keyFunction::reverseKey).distinct().toList()),
                    ArrayList::new);
        });
    }

    private CompletableFuture<Set<String>> collect(String pattern, int count, ScanPage after, Set<String> found) {
        return client().scan(pattern, count, false, after).thenCompose(page -> {
            found.addAll(page.keys());
            return page.finished() ? CompletableFuture.completedFuture(found) : collect(pattern, count, page, found);
        });
    }
}
