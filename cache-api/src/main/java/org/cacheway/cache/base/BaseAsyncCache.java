package org.cacheway.cache.base;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cacheway.cache.AsyncCache;
import org.cacheway.cache.CacheMissException;
import org.cacheway.cache.Timeout;

/**
 * The asynchronous face of a {@link BaseCache}: the same semantics, over the store's asynchronous
 * primitives. Argument errors (null keys, a closed registry) complete the future exceptionally
 * rather than throwing.
 */
final class BaseAsyncCache implements AsyncCache {
    private final BaseCache cache;

    BaseAsyncCache(BaseCache cache) {
        this.cache = cache;
    }

    private CacheStore store() {
        return cache.store();
    }

    /** Runs {@code body}, turning an immediate throw into a failed future. */
    private static <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Applies fail-open: a survived error completes with {@code fallback}. */
    private <T> CompletableFuture<T> orElse(CompletableFuture<T> future, Supplier<T> fallback) {
        return future.handle((value, error) -> {
            if (error == null) {
                return value;
            }
            if (cache.failOpen().survives(error)) {
                return fallback.get();
            }
            throw Futures.rethrow(error);
        });
    }

    private CompletableFuture<Object> lookup(String made, Class<?> type) {
        return orElse(store().getAsync(made).thenApply(raw -> cache.decodeOrMissing(raw, type)), () -> BaseCache.MISSING);
    }

    @Override
    public CompletableFuture<Object> get(String key) {
        return getOrDefault(key, null);
    }

    @Override
    public CompletableFuture<Object> getOrDefault(String key, Object defaultValue) {
        return guard(() -> lookup(cache.makeKey(key), null)
                .thenApply(found -> found == BaseCache.MISSING ? defaultValue : found));
    }

    @Override
    public <T> CompletableFuture<T> get(String key, Class<T> type) {
        return guard(() -> lookup(cache.makeKey(key), type)
                .thenApply(found -> found == BaseCache.MISSING ? null : type.cast(found)));
    }

    @Override
    public CompletableFuture<Boolean> set(String key, Object value) {
        return set(key, value, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<Boolean> set(String key, Object value, Timeout timeout) {
        return guard(() -> {
            String made = cache.makeKey(key);
            Timeout resolved = cache.resolve(timeout);
            CompletableFuture<?> write = resolved.isExpired() ? store().deleteAsync(made)
                    : store().setAsync(made, cache.codec().encode(value), resolved);
            return orElse(write.thenApply(ignored -> true), () -> false);
        });
    }

    @Override
    public CompletableFuture<Boolean> add(String key, Object value) {
        return add(key, value, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<Boolean> add(String key, Object value, Timeout timeout) {
        return guard(() -> addMade(cache.makeKey(key), value, cache.resolve(timeout)));
    }

    private CompletableFuture<Boolean> addMade(String made, Object value, Timeout resolved) {
        CompletableFuture<Boolean> write = resolved.isExpired()
                ? store().existsAsync(made).thenApply(exists -> !exists)
                : store().addAsync(made, cache.codec().encode(value), resolved);
        return orElse(write, () -> false);
    }

    @Override
    public CompletableFuture<Boolean> replace(String key, Object value, Timeout timeout) {
        return guard(() -> {
            String made = cache.makeKey(key);
            Timeout resolved = cache.resolve(timeout);
            return orElse(resolved.isExpired() ? store().deleteAsync(made)
                    : store().replaceAsync(made, cache.codec().encode(value), resolved), () -> false);
        });
    }

    @Override
    public CompletableFuture<Boolean> touch(String key) {
        return touch(key, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        return guard(() -> {
            String made = cache.makeKey(key);
            Timeout resolved = cache.resolve(timeout);
            return orElse(resolved.isExpired() ? store().deleteAsync(made) : store().touchAsync(made, resolved),
                    () -> false);
        });
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return guard(() -> orElse(store().deleteAsync(cache.makeKey(key)), () -> false));
    }

    @Override
    public CompletableFuture<Map<String, Object>> getMany(Iterable<String> keys) {
        return getMany(keys, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<Map<String, T>> getMany(Iterable<String> keys, Class<T> type) {
        return guard(() -> {
            Map<String, String> made = cache.makeKeys(keys);
            if (made.isEmpty()) {
                return CompletableFuture.completedFuture(new LinkedHashMap<>());
            }
            CompletableFuture<Map<String, T>> read = store().getManyAsync(new ArrayList<>(made.values()))
                    .thenApply(raw -> (Map<String, T>) cache.decodeMany(made, raw, type));
            return orElse(read, LinkedHashMap::new);
        });
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, ?> values) {
        return setMany(values, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, ?> values, Timeout timeout) {
        return guard(() -> {
            Map<String, String> made = cache.makeKeys(values.keySet());
            if (made.isEmpty()) {
                return CompletableFuture.completedFuture(new ArrayList<>());
            }
            Timeout resolved = cache.resolve(timeout);
            CompletableFuture<List<String>> write = resolved.isExpired()
                    ? store().deleteManyAsync(new ArrayList<>(made.values())).thenApply(n -> new ArrayList<>())
                    : store().setManyAsync(cache.encodeAll(made, values), resolved)
                            .thenApply(failed -> BaseCache.userKeys(made, failed));
            return orElse(write, () -> new ArrayList<>(made.keySet()));
        });
    }

    @Override
    public CompletableFuture<Long> deleteMany(Iterable<String> keys) {
        return guard(() -> {
            Map<String, String> made = cache.makeKeys(keys);
            if (made.isEmpty()) {
                return CompletableFuture.completedFuture(0L);
            }
            return orElse(store().deleteManyAsync(new ArrayList<>(made.values())), () -> 0L);
        });
    }

    @Override
    public CompletableFuture<Boolean> hasKey(String key) {
        return guard(() -> orElse(store().existsAsync(cache.makeKey(key)), () -> false));
    }

    @Override
    public CompletableFuture<Long> incr(String key) {
        return incr(key, 1);
    }

    @Override
    public CompletableFuture<Long> incr(String key, long delta) {
        return guard(() -> store().incrByAsync(cache.makeKey(key), delta).thenApply(result -> {
            if (result == null) {
                throw new CacheMissException(key);
            }
            return result;
        }));
    }

    @Override
    public CompletableFuture<Long> decr(String key) {
        return incr(key, -1);
    }

    @Override
    public CompletableFuture<Long> decr(String key, long delta) {
        return guard(() -> incr(key, Math.negateExact(delta)));
    }

    @Override
    public CompletableFuture<Integer> incrVersion(String key) {
        return incrVersion(key, 1);
    }

    @Override
    public CompletableFuture<Integer> incrVersion(String key, int delta) {
        return guard(() -> {
            String from = cache.makeKey(key);
            int target = Math.addExact(cache.version(), delta);
            String to = cache.makeKey(key, target);
            CompletableFuture<byte[]> raw = store().getAsync(from);
            CompletableFuture<Long> pttl = store().pttlAsync(from);
            return raw.thenCombine(pttl, (bytes, left) -> {
                if (bytes == null || left == -2) {
                    throw new CacheMissException(key);
                }
                return store().setAsync(to, bytes, left == -1 ? Timeout.NEVER : Timeout.millis(Math.max(left, 1)));
            }).thenCompose(Function.identity())
                    .thenCompose(ignored -> store().deleteAsync(from))
                    .thenApply(ignored -> target);
        });
    }

    @Override
    public CompletableFuture<Integer> decrVersion(String key) {
        return incrVersion(key, -1);
    }

    @Override
    public CompletableFuture<Integer> decrVersion(String key, int delta) {
        return guard(() -> incrVersion(key, Math.negateExact(delta)));
    }

    @Override
    public CompletableFuture<Object> getOrSet(String key, Supplier<?> supplier) {
        return getOrSet(key, supplier, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<Object> getOrSet(String key, Supplier<?> supplier, Timeout timeout) {
        return guard(() -> computeIfMissing(key, null, supplier, timeout));
    }

    @Override
    public <T> CompletableFuture<T> getOrSet(String key, Class<T> type, Supplier<? extends T> supplier) {
        return getOrSet(key, type, supplier, Timeout.DEFAULT);
    }

    @Override
    public <T> CompletableFuture<T> getOrSet(String key, Class<T> type, Supplier<? extends T> supplier,
            Timeout timeout) {
        Objects.requireNonNull(type, "type");
        return guard(() -> computeIfMissing(key, type, supplier, timeout).thenApply(type::cast));
    }

    /** The asynchronous get-or-set; the supplier runs on the common pool, never on an I/O thread. */
    private CompletableFuture<Object> computeIfMissing(String key, Class<?> type, Supplier<?> supplier,
            Timeout timeout) {
        Objects.requireNonNull(supplier, "supplier");
        String made = cache.makeKey(key);
        Timeout resolved = cache.resolve(timeout);
        return lookup(made, type).thenCompose(found -> {
            if (found != BaseCache.MISSING) {
                return CompletableFuture.completedFuture(found);
            }
            return cache.flights().runAsync(made, () -> fill(made, type, supplier, resolved),
                    leaderResult -> lookup(made, type)
                            .thenApply(stored -> stored == BaseCache.MISSING ? leaderResult : stored));
        });
    }

    /**
     * The in-process leader's part: another process's value, or its own computation. The claim is
     * given up without waiting for the reply: the value is already stored, and an unanswered
     * give-up only leaves the claim to expire.
     */
    private CompletableFuture<Object> fill(String made, Class<?> type, Supplier<?> supplier, Timeout resolved) {
        CompletableFuture<Object> filled = orElse(store().beginFillAsync(made)
                .thenApply(raw -> cache.decodeOrMissing(raw, type)), () -> BaseCache.MISSING);
        return filled.thenCompose(found -> found != BaseCache.MISSING ? CompletableFuture.completedFuture(found)
                : CompletableFuture.supplyAsync(supplier)
                        .thenCompose(computed -> addMade(made, computed, resolved)
                                .thenCompose(added -> lookup(made, type))
                                .thenApply(stored -> stored == BaseCache.MISSING ? computed : stored))
                        .whenComplete((result, error) -> store().endFillAsync(made)));
    }

    @Override
    public CompletableFuture<Void> clear() {
        return guard(() -> {
            if (cache.isReleased()) {
                throw new org.cacheway.cache.CacheClosedException(cache.alias());
            }
            return orElse(store().clearAsync(), () -> null);
        });
    }

    @Override
    public CompletableFuture<Void> close() {
        cache.close();
        return CompletableFuture.completedFuture(null);
    }
}
