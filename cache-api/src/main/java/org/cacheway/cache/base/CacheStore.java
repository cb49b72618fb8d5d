package org.cacheway.cache.base;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.Timeout;

/**
 * The byte-level I/O of one backend, under {@link BaseCache}'s semantics: keys are already made
 * and validated, values already encoded, timeouts already resolved to {@link Timeout#NEVER} or a
 * positive finite timeout. A backend says here how its store does each primitive, once: every
 * primitive is asynchronous, and {@link BaseCache}'s synchronous face waits for the same futures.
 *
 * <p>No method may block its calling thread, which can be a driver's I/O thread; in-memory stores
 * do their work at once and return completed futures. Failures complete the future exceptionally
 * with {@link org.cacheway.cache.CacheException} subtypes: connection problems and timeouts as
 * {@link org.cacheway.cache.CacheConnectionException}, which fail-open survives.
 */
public interface CacheStore {

    /** The stored bytes, or null when missing. */
    CompletableFuture<byte[]> get(String key);

    /** The stored bytes of each key, in order, null where missing. */
    CompletableFuture<List<byte[]>> getMany(List<String> keys);

    /** Stores the bytes under {@code condition}; whether they were stored. */
    CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition);

    /** Stores every entry with one timeout; the keys the store refused (usually none). */
    CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout);

    /** Gives an existing key a new timeout; whether the key existed. */
    CompletableFuture<Boolean> touch(String key, Timeout timeout);

    /** Removes a key; whether it existed. */
    CompletableFuture<Boolean> delete(String key);

    /** Removes keys; how many existed. */
    CompletableFuture<Long> deleteMany(List<String> keys);

    /** Whether the key is present. */
    CompletableFuture<Boolean> exists(String key);

    /**
     * Adds {@code delta} to an integer stored as decimal digits, keeping the key's expiry: the new
     * value, or null when the key is missing. Completes with
     * {@link org.cacheway.cache.CacheValueException} when the value is not an integer or the result
     * would overflow.
     */
    CompletableFuture<Long> incrBy(String key, long delta);

    /** Milliseconds the key has left: -2 when missing, -1 when it never expires. */
    CompletableFuture<Long> pttl(String key);

    /** Removes every key of this store. */
    CompletableFuture<Void> clear();

    /**
     * Removes the stored keys matching {@code pattern}, a glob over stored (made) keys in Redis's
     * syntax, which {@link Globs#matches} implements; how many were removed.
     */
    CompletableFuture<Long> deleteMatching(String pattern);

    /**
     * {@code getOrSet}'s fill of a key just found missing ({@link BaseCache} already lets one caller
     * per key and process get here): by default loads the bytes, stores them only if the key is
     * still absent, and reads the key back, answering the stored bytes (another writer may have won)
     * or the loaded ones when the read finds none. A store that coordinates fills across processes
     * overrides this. The timeout is never expired ({@link BaseCache} computes without storing then).
     * {@code loader} never blocks the thread that calls it and may be called on any
     * thread.
     */
    default CompletableFuture<byte[]> fill(String key, Supplier<CompletableFuture<byte[]>> loader, Timeout timeout) {
        return loader.get().thenCompose(loaded -> set(key, loaded, timeout, SetCondition.IF_ABSENT)
                .thenCompose(stored -> get(key))
                .thenApply(found -> found != null ? found : loaded));
    }

    /** How many entries the store dropped to make room, when it can tell; empty by default. */
    default OptionalLong evictions() {
        return OptionalLong.empty();
    }

    /** How many entries the store holds, when it can tell cheaply; empty by default. */
    default OptionalLong size() {
        return OptionalLong.empty();
    }

    /** The per-request close Django calls after every request; nothing by default. */
    default void close() {
        // connections live until release()
    }

    /** Releases the store's resources for good. */
    void release();
}
