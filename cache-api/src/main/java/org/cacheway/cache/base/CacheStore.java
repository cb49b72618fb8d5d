package org.cacheway.cache.base;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.Timeout;

/**
 * The byte-level I/O of one backend, under {@link BaseCache}'s semantics: keys are already made
 * and validated, values already encoded, timeouts already resolved to {@link Timeout#NEVER} or a
 * positive finite timeout. A backend says here how its store does each primitive, and nothing
 * else, as Django backends override only what their store does natively.
 *
 * <p>Connection failures are reported as {@link org.cacheway.cache.CacheConnectionException}; the
 * base class applies fail-open. The asynchronous methods default to running the synchronous ones
 * on the caller's thread, which suits in-memory stores; network stores override them.
 */
public interface CacheStore {

    /** The stored bytes, or null when missing. */
    byte[] get(String key);

    /** The stored bytes of each key, in order, null where missing. */
    List<byte[]> getMany(List<String> keys);

    /** Stores the bytes with the timeout. */
    void set(String key, byte[] value, Timeout timeout);

    /** Stores the bytes only when the key is absent; returns whether it did. */
    boolean add(String key, byte[] value, Timeout timeout);

    /**
     * Stores the bytes only when the key is present; returns whether it did. This default checks
     * then sets (two steps, not atomic); stores that can do it at once override it.
     */
    default boolean replace(String key, byte[] value, Timeout timeout) {
        if (!exists(key)) {
            return false;
        }
        set(key, value, timeout);
        return true;
    }

    /** Stores every entry with one timeout; returns the keys that failed (usually none). */
    List<String> setMany(Map<String, byte[]> entries, Timeout timeout);

    /** Gives an existing key a new timeout; returns whether the key existed. */
    boolean touch(String key, Timeout timeout);

    /** Removes a key; returns whether it existed. */
    boolean delete(String key);

    /** Removes keys; returns how many existed. */
    long deleteMany(List<String> keys);

    /** Whether the key is present. */
    boolean exists(String key);

    /**
     * Adds {@code delta} to an integer stored as decimal digits, keeping the key's expiry.
     *
     * @return the new value, or null when the key is missing
     * @throws org.cacheway.cache.CacheValueException when the value is not an integer or the
     *     result would overflow
     */
    Long incrBy(String key, long delta);

    /** Milliseconds the key has left: -2 when missing, -1 when it never expires. */
    long pttl(String key);

    /** Removes every key of this store. */
    void clear();

    /** Releases the store's resources for good. */
    void release();

    /**
     * Begins {@code getOrSet}'s computation of a key just found missing, for stores that let one
     * process compute it for all ({@link BaseCache} already lets one caller per key and process
     * compute). Returns the bytes another process stored meanwhile, which such a store may wait
     * for here, or null when this caller is to compute them; {@link #endFill} follows once the
     * computed value is stored or its computation failed. The default coordinates nothing and
     * costs nothing: it returns null at once.
     */
    default byte[] beginFill(String key) {
        return null;
    }

    /** Ends a computation {@link #beginFill} let this caller run; by default nothing to do. */
    default void endFill(String key) {
        // nothing was claimed
    }

    /** Asynchronous {@link #get(String)}. */
    default CompletableFuture<byte[]> getAsync(String key) {
        return now(() -> get(key));
    }

    /** Asynchronous {@link #getMany(List)}. */
    default CompletableFuture<List<byte[]>> getManyAsync(List<String> keys) {
        return now(() -> getMany(keys));
    }

    /** Asynchronous {@link #set(String, byte[], Timeout)}. */
    default CompletableFuture<Void> setAsync(String key, byte[] value, Timeout timeout) {
        return now(() -> {
            set(key, value, timeout);
            return null;
        });
    }

    /** Asynchronous {@link #add(String, byte[], Timeout)}. */
    default CompletableFuture<Boolean> addAsync(String key, byte[] value, Timeout timeout) {
        return now(() -> add(key, value, timeout));
    }

    /** Asynchronous {@link #replace(String, byte[], Timeout)}. */
    default CompletableFuture<Boolean> replaceAsync(String key, byte[] value, Timeout timeout) {
        return now(() -> replace(key, value, timeout));
    }

    /** Asynchronous {@link #setMany(Map, Timeout)}. */
    default CompletableFuture<List<String>> setManyAsync(Map<String, byte[]> entries, Timeout timeout) {
        return now(() -> setMany(entries, timeout));
    }

    /** Asynchronous {@link #touch(String, Timeout)}. */
    default CompletableFuture<Boolean> touchAsync(String key, Timeout timeout) {
        return now(() -> touch(key, timeout));
    }

    /** Asynchronous {@link #delete(String)}. */
    default CompletableFuture<Boolean> deleteAsync(String key) {
        return now(() -> delete(key));
    }

    /** Asynchronous {@link #deleteMany(List)}. */
    default CompletableFuture<Long> deleteManyAsync(List<String> keys) {
        return now(() -> deleteMany(keys));
    }

    /** Asynchronous {@link #exists(String)}. */
    default CompletableFuture<Boolean> existsAsync(String key) {
        return now(() -> exists(key));
    }

    /** Asynchronous {@link #incrBy(String, long)}. */
    default CompletableFuture<Long> incrByAsync(String key, long delta) {
        return now(() -> incrBy(key, delta));
    }

    /** Asynchronous {@link #pttl(String)}. */
    default CompletableFuture<Long> pttlAsync(String key) {
        return now(() -> pttl(key));
    }

    /** Asynchronous {@link #beginFill(String)}. */
    default CompletableFuture<byte[]> beginFillAsync(String key) {
        return now(() -> beginFill(key));
    }

    /** Asynchronous {@link #endFill(String)}. */
    default CompletableFuture<Void> endFillAsync(String key) {
        return now(() -> {
            endFill(key);
            return null;
        });
    }

    /** Asynchronous {@link #clear()}. */
    default CompletableFuture<Void> clearAsync() {
        return now(() -> {
            clear();
            return null;
        });
    }

    /** Runs a synchronous primitive now and wraps its outcome in a completed future. */
    static <T> CompletableFuture<T> now(Supplier<T> primitive) {
        try {
            return CompletableFuture.completedFuture(primitive.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
