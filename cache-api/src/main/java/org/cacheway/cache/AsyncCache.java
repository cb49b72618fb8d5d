package org.cacheway.cache;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The asynchronous twin of {@link Cache}: the same operations with the same semantics, each
 * returning a {@link CompletableFuture}. Errors complete the future exceptionally with the same
 * {@link CacheException} types the synchronous face throws.
 *
 * <p>A networked backend's futures complete on its driver's I/O thread (on Redis, a Lettuce event
 * loop), as the driver's own do, so non-async dependent stages run there: one that blocks on the
 * cache (a synchronous call, or {@code join()} of another of its futures) waits for a reply only
 * that thread can read, and hangs until the command timeout. Run such work with the
 * {@code ...Async} methods of {@link CompletableFuture} or on an executor of your own.
 * {@code getOrSet}'s supplier is already run off that thread (on the common pool).
 */
public interface AsyncCache {

    /** See {@link Cache#get(String)}. */
    CompletableFuture<Object> get(String key);

    /** See {@link Cache#getOrDefault(String, Object)}. */
    CompletableFuture<Object> getOrDefault(String key, Object defaultValue);

    /** See {@link Cache#get(String, Class)}. */
    <T> CompletableFuture<T> get(String key, Class<T> type);

    /** See {@link Cache#set(String, Object)}. */
    CompletableFuture<Boolean> set(String key, Object value);

    /** See {@link Cache#set(String, Object, Timeout)}. */
    CompletableFuture<Boolean> set(String key, Object value, Timeout timeout);

    /** See {@link Cache#add(String, Object)}. */
    CompletableFuture<Boolean> add(String key, Object value);

    /** See {@link Cache#add(String, Object, Timeout)}. */
    CompletableFuture<Boolean> add(String key, Object value, Timeout timeout);

    /** See {@link Cache#replace(String, Object, Timeout)}. */
    CompletableFuture<Boolean> replace(String key, Object value, Timeout timeout);

    /** See {@link Cache#touch(String)}. */
    CompletableFuture<Boolean> touch(String key);

    /** See {@link Cache#touch(String, Timeout)}. */
    CompletableFuture<Boolean> touch(String key, Timeout timeout);

    /** See {@link Cache#delete(String)}. */
    CompletableFuture<Boolean> delete(String key);

    /** See {@link Cache#getMany(Iterable)}. */
    CompletableFuture<Map<String, Object>> getMany(Iterable<String> keys);

    /** See {@link Cache#getMany(Iterable, Class)}. */
    <T> CompletableFuture<Map<String, T>> getMany(Iterable<String> keys, Class<T> type);

    /** See {@link Cache#setMany(Map)}. */
    CompletableFuture<List<String>> setMany(Map<String, ?> values);

    /** See {@link Cache#setMany(Map, Timeout)}. */
    CompletableFuture<List<String>> setMany(Map<String, ?> values, Timeout timeout);

    /** See {@link Cache#deleteMany(Iterable)}. */
    CompletableFuture<Long> deleteMany(Iterable<String> keys);

    /** See {@link Cache#hasKey(String)}. */
    CompletableFuture<Boolean> hasKey(String key);

    /** See {@link Cache#incr(String)}. */
    CompletableFuture<Long> incr(String key);

    /** See {@link Cache#incr(String, long)}. */
    CompletableFuture<Long> incr(String key, long delta);

    /** See {@link Cache#decr(String)}. */
    CompletableFuture<Long> decr(String key);

    /** See {@link Cache#decr(String, long)}. */
    CompletableFuture<Long> decr(String key, long delta);

    /** See {@link Cache#incrVersion(String)}. */
    CompletableFuture<Integer> incrVersion(String key);

    /** See {@link Cache#incrVersion(String, int)}. */
    CompletableFuture<Integer> incrVersion(String key, int delta);

    /** See {@link Cache#decrVersion(String)}. */
    CompletableFuture<Integer> decrVersion(String key);

    /** See {@link Cache#decrVersion(String, int)}. */
    CompletableFuture<Integer> decrVersion(String key, int delta);

    /** See {@link Cache#getOrSet(String, Supplier)}. */
    CompletableFuture<Object> getOrSet(String key, Supplier<?> supplier);

    /** See {@link Cache#getOrSet(String, Supplier, Timeout)}. */
    CompletableFuture<Object> getOrSet(String key, Supplier<?> supplier, Timeout timeout);

    /** See {@link Cache#getOrSet(String, Class, Supplier)}. */
    <T> CompletableFuture<T> getOrSet(String key, Class<T> type, Supplier<? extends T> supplier);

    /** See {@link Cache#getOrSet(String, Class, Supplier, Timeout)}. */
    <T> CompletableFuture<T> getOrSet(String key, Class<T> type, Supplier<? extends T> supplier, Timeout timeout);

    /** See {@link Cache#clear()}. */
    CompletableFuture<Void> clear();

    /** See {@link Cache#deletePattern(String)}. */
    CompletableFuture<Long> deletePattern(String glob);

    /** See {@link Cache#close()}. */
    CompletableFuture<Void> close();
}
