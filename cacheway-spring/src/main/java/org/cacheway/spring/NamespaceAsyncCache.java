package org.cacheway.spring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.AsyncCache;
import org.cacheway.cache.Timeout;

/** The asynchronous face of a {@link NamespaceCache}: the same key part and the same counters. */
final class NamespaceAsyncCache implements AsyncCache {
    private final NamespaceCache view;
    private final AsyncCache async;
    private final Namespace namespace;
    private final NamespaceCounters counters;

    NamespaceAsyncCache(NamespaceCache view, AsyncCache async, NamespaceCounters counters) {
        this.view = view;
        this.async = async;
        this.namespace = view.namespace();
        this.counters = counters;
    }

    @Override
    public CompletableFuture<Object> get(String key) {
        return getOrDefault(key, null);
    }

    @Override
    public CompletableFuture<Object> getOrDefault(String key, Object defaultValue) {
        return async.getOrDefault(namespace.key(key), NamespaceCache.MISS).thenApply(value -> {
            counters.read(value != NamespaceCache.MISS);
            return value == NamespaceCache.MISS ? defaultValue : value;
        });
    }

    @Override
    public <T> CompletableFuture<T> get(String key, Class<T> type) {
        return async.get(namespace.key(key), type).thenApply(value -> {
            counters.read(value != null);
            return value;
        });
    }

    @Override
    public CompletableFuture<Boolean> set(String key, Object value) {
        return async.set(namespace.key(key), value).thenApply(counters::put);
    }

    @Override
    public CompletableFuture<Boolean> set(String key, Object value, Timeout timeout) {
        return async.set(namespace.key(key), value, timeout).thenApply(counters::put);
    }

    @Override
    public CompletableFuture<Boolean> add(String key, Object value) {
        return async.add(namespace.key(key), value).thenApply(counters::put);
    }

    @Override
    public CompletableFuture<Boolean> add(String key, Object value, Timeout timeout) {
        return async.add(namespace.key(key), value, timeout).thenApply(counters::put);
    }

    @Override
    public CompletableFuture<Boolean> replace(String key, Object value, Timeout timeout) {
        return async.replace(namespace.key(key), value, timeout).thenApply(counters::put);
    }

    @Override
    public CompletableFuture<Boolean> touch(String key) {
        return async.touch(namespace.key(key));
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        return async.touch(namespace.key(key), timeout);
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return async.delete(namespace.key(key)).thenApply(counters::delete);
    }

    @Override
    public CompletableFuture<Map<String, Object>> getMany(Iterable<String> keys) {
        List<String> keyed = namespace.keys(keys);
        return async.getMany(keyed).thenApply(found -> counted(namespace.unkeyed(found), keyed.size()));
    }

    @Override
    public <T> CompletableFuture<Map<String, T>> getMany(Iterable<String> keys, Class<T> type) {
        List<String> keyed = namespace.keys(keys);
        return async.getMany(keyed, type).thenApply(found -> counted(namespace.unkeyed(found), keyed.size()));
    }

    private <V> Map<String, V> counted(Map<String, V> found, int asked) {
        counters.reads(found.size(), asked);
        return found;
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, ?> values) {
        return setMany(values, view.defaultTimeout());
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, ?> values, Timeout timeout) {
        return async.setMany(namespace.keyed(values), timeout).thenApply(failed -> {
            counters.puts(values.size() - failed.size());
            return namespace.unkeyed(failed);
        });
    }

    @Override
    public CompletableFuture<Long> deleteMany(Iterable<String> keys) {
        return async.deleteMany(namespace.keys(keys)).thenApply(counters::deletes);
    }

    @Override
    public CompletableFuture<Boolean> hasKey(String key) {
        return async.hasKey(namespace.key(key));
    }

    @Override
    public CompletableFuture<Long> incr(String key) {
        return async.incr(namespace.key(key));
    }

    @Override
    public CompletableFuture<Long> incr(String key, long delta) {
        return async.incr(namespace.key(key), delta);
    }

    @Override
    public CompletableFuture<Long> decr(String key) {
        return async.decr(namespace.key(key));
    }

    @Override
    public CompletableFuture<Long> decr(String key, long delta) {
        return async.decr(namespace.key(key), delta);
    }

    @Override
    public CompletableFuture<Integer> incrVersion(String key) {
        return async.incrVersion(namespace.key(key));
    }

    @Override
    public CompletableFuture<Integer> incrVersion(String key, int delta) {
        return async.incrVersion(namespace.key(key), delta);
    }

    @Override
    public CompletableFuture<Integer> decrVersion(String key) {
        return async.decrVersion(namespace.key(key));
    }

    @Override
    public CompletableFuture<Integer> decrVersion(String key, int delta) {
        return async.decrVersion(namespace.key(key), delta);
    }

    @Override
    public CompletableFuture<Object> getOrSet(String key, Supplier<?> supplier) {
        return getOrSet(key, supplier, view.defaultTimeout());
    }

    @Override
    public CompletableFuture<Object> getOrSet(String key, Supplier<?> supplier, Timeout timeout) {
        boolean[] ran = {false};
        return async.getOrSet(namespace.key(key), counters.timed(supplier, ran), timeout)
                .thenApply(value -> counters.loaded(value, ran[0]));
    }

    @Override
    public <T> CompletableFuture<T> getOrSet(String key, Class<T> type, Supplier<? extends T> supplier) {
        return getOrSet(key, type, supplier, view.defaultTimeout());
    }

    @Override
    public <T> CompletableFuture<T> getOrSet(String key, Class<T> type, Supplier<? extends T> supplier,
            Timeout timeout) {
        boolean[] ran = {false};
        return async.getOrSet(namespace.key(key), type, counters.timed(supplier, ran), timeout)
                .thenApply(value -> counters.loaded(value, ran[0]));
    }

    /** Deletes the namespace's keys on a pool thread (a pattern delete pages through SCAN). */
    @Override
    public CompletableFuture<Void> clear() {
        return CompletableFuture.runAsync(view::clear);
    }

    @Override
    public CompletableFuture<Void> close() {
        return async.close();
    }
}
