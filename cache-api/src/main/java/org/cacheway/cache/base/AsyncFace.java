package org.cacheway.cache.base;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.AsyncCache;
import org.cacheway.cache.Timeout;

/**
 * The asynchronous face of a {@link BaseCache}: the same operations, composed rather than awaited.
 * Argument errors (null keys, a closed registry) complete the future exceptionally rather than
 * throwing.
 */
final class AsyncFace implements AsyncCache {
    private final BaseCache cache;
    private final Operations operations;

    AsyncFace(BaseCache cache, Operations operations) {
        this.cache = cache;
        this.operations = operations;
    }

    @Override
    public CompletableFuture<Object> get(String key) {
        return getOrDefault(key, null);
    }

    @Override
    public CompletableFuture<Object> getOrDefault(String key, Object defaultValue) {
        return Stages.guard(() -> operations.getOrDefault(Face.ASYNC, key, defaultValue));
    }

    @Override
    public <T> CompletableFuture<T> get(String key, Class<T> type) {
        return Stages.guard(() -> operations.get(Face.ASYNC, key, type));
    }

    @Override
    public CompletableFuture<Boolean> set(String key, Object value) {
        return set(key, value, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<Boolean> set(String key, Object value, Timeout timeout) {
        return Stages.guard(() -> operations.write(Face.ASYNC, key, value, timeout, SetCondition.ALWAYS));
    }

    @Override
    public CompletableFuture<Boolean> add(String key, Object value) {
        return add(key, value, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<Boolean> add(String key, Object value, Timeout timeout) {
        return Stages.guard(() -> operations.write(Face.ASYNC, key, value, timeout, SetCondition.IF_ABSENT));
    }

    @Override
    public CompletableFuture<Boolean> replace(String key, Object value, Timeout timeout) {
        return Stages.guard(() -> operations.write(Face.ASYNC, key, value, timeout, SetCondition.IF_PRESENT));
    }

    @Override
    public CompletableFuture<Boolean> touch(String key) {
        return touch(key, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        return Stages.guard(() -> operations.touch(Face.ASYNC, key, timeout));
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return Stages.guard(() -> operations.delete(Face.ASYNC, key));
    }

    @Override
    public CompletableFuture<Map<String, Object>> getMany(Iterable<String> keys) {
        return getMany(keys, null);
    }

    @Override
    public <T> CompletableFuture<Map<String, T>> getMany(Iterable<String> keys, Class<T> type) {
        return Stages.guard(() -> operations.getMany(Face.ASYNC, keys, type));
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, ?> values) {
        return setMany(values, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, ?> values, Timeout timeout) {
        return Stages.guard(() -> operations.setMany(Face.ASYNC, values, timeout));
    }

    @Override
    public CompletableFuture<Long> deleteMany(Iterable<String> keys) {
        return Stages.guard(() -> operations.deleteMany(Face.ASYNC, keys));
    }

    @Override
    public CompletableFuture<Boolean> hasKey(String key) {
        return Stages.guard(() -> operations.hasKey(Face.ASYNC, key));
    }

    @Override
    public CompletableFuture<Long> incr(String key) {
        return incr(key, 1);
    }

    @Override
    public CompletableFuture<Long> incr(String key, long delta) {
        return Stages.guard(() -> operations.incr(Face.ASYNC, key, delta));
    }

    @Override
    public CompletableFuture<Long> decr(String key) {
        return incr(key, -1);
    }

    @Override
    public CompletableFuture<Long> decr(String key, long delta) {
        return Stages.guard(() -> incr(key, Math.negateExact(delta)));
    }

    @Override
    public CompletableFuture<Integer> incrVersion(String key) {
        return incrVersion(key, 1);
    }

    @Override
    public CompletableFuture<Integer> incrVersion(String key, int delta) {
        return Stages.guard(() -> operations.incrVersion(Face.ASYNC, key, delta));
    }

    @Override
    public CompletableFuture<Integer> decrVersion(String key) {
        return incrVersion(key, -1);
    }

    @Override
    public CompletableFuture<Integer> decrVersion(String key, int delta) {
        return Stages.guard(() -> incrVersion(key, Math.negateExact(delta)));
    }

    @Override
    public CompletableFuture<Object> getOrSet(String key, Supplier<?> supplier) {
        return getOrSet(key, supplier, Timeout.DEFAULT);
    }

    @Override
    public CompletableFuture<Object> getOrSet(String key, Supplier<?> supplier, Timeout timeout) {
        return Stages.guard(() -> operations.getOrSet(Face.ASYNC, key, null, supplier, timeout));
    }

    @Override
    public <T> CompletableFuture<T> getOrSet(String key, Class<T> type, Supplier<? extends T> supplier) {
        return getOrSet(key, type, supplier, Timeout.DEFAULT);
    }

    @Override
    public <T> CompletableFuture<T> getOrSet(String key, Class<T> type, Supplier<? extends T> supplier,
            Timeout timeout) {
        Objects.requireNonNull(type, "type");
        return Stages.guard(() -> operations.getOrSet(Face.ASYNC, key, type, supplier, timeout).thenApply(type::cast));
    }

    @Override
    public CompletableFuture<Void> clear() {
        return Stages.guard(() -> operations.clear(Face.ASYNC));
    }

    @Override
    public CompletableFuture<Long> deletePattern(String glob) {
        return Stages.guard(() -> operations.deletePattern(Face.ASYNC, glob));
    }

    @Override
    public CompletableFuture<Void> close() {
        cache.close();
        return CompletableFuture.completedFuture(null);
    }
}
