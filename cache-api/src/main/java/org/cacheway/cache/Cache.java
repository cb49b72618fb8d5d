package org.cacheway.cache;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A cache with Django's semantics ({@code django.core.cache.backends.base.BaseCache}), whatever
 * the store behind it. Every operation applies the cache's key function, prefix and version, and
 * logs Django's key warnings. Versions other than {@code VERSION} are reached through
 * {@link #version(int)}; the asynchronous twin of every operation through {@link #async()}.
 *
 * <p>Values are null, strings, booleans, integers, floats, lists, maps and whatever the configured
 * serializer supports. A stored value is a copy: changing the object after {@code set} does not
 * change the cache. Instances are thread-safe.
 */
public interface Cache extends AutoCloseable {

    /** The alias this cache was configured under in {@code CACHES}. */
    String alias();

    /** The value stored at {@code key}, or null when missing or expired. */
    Object get(String key);

    /**
     * The value stored at {@code key}, or {@code defaultValue} when missing or expired. A stored
     * null is returned as null, not as the default.
     */
    Object getOrDefault(String key, Object defaultValue);

    /** The value at {@code key} converted to {@code type} by the serializer, or null when missing. */
    <T> T get(String key, Class<T> type);

    /** Stores a value with the default timeout; returns false only when a fail-open write failed. */
    boolean set(String key, Object value);

    /**
     * Stores a value; a zero or negative timeout removes the key instead.
     *
     * @return false only when a fail-open write failed
     */
    boolean set(String key, Object value, Timeout timeout);

    /** Stores a value only when the key is absent, with the default timeout; returns whether it did. */
    boolean add(String key, Object value);

    /**
     * Stores a value only when the key is absent; returns whether it did. With a zero or negative
     * timeout nothing is stored and the result is whether the key was absent.
     */
    boolean add(String key, Object value, Timeout timeout);

    /** Gives an existing key the default timeout; returns whether the key existed. */
    boolean touch(String key);

    /**
     * Gives an existing key a new timeout ({@link Timeout#NEVER} removes its expiry, zero deletes
     * it); returns whether the key existed.
     */
    boolean touch(String key, Timeout timeout);

    /** Removes a key; returns whether one was removed. */
    boolean delete(String key);

    /**
     * The values of the keys that are present, in request order; missing keys are left out,
     * stored nulls are included. One round trip on stores that can.
     */
    Map<String, Object> getMany(Iterable<String> keys);

    /** Like {@link #getMany(Iterable)}, each value converted to {@code type}. */
    <T> Map<String, T> getMany(Iterable<String> keys, Class<T> type);

    /** Stores every entry with the default timeout; returns the keys that failed (empty on success). */
    List<String> setMany(Map<String, ?> values);

    /** Stores every entry with one timeout; returns the keys that failed (empty on success). */
    List<String> setMany(Map<String, ?> values, Timeout timeout);

    /** Removes the keys; returns how many were removed. */
    long deleteMany(Iterable<String> keys);

    /** Whether the key is present (a stored null counts). */
    boolean hasKey(String key);

    /**
     * Stores a value only when the key is present (memcached's {@code replace}); returns whether
     * it did. Backends that can do it atomically in one round trip (Redis: {@code SET XX}) do;
     * this default checks then sets, as Django's cache session engine does by hand. With a zero or
     * negative timeout the key is deleted and the result is whether it was present.
     */
    default boolean replace(String key, Object value, Timeout timeout) {
        return hasKey(key) && set(key, value, timeout);
    }

    /** Adds one to an integer value and returns the new value, keeping its expiry. */
    long incr(String key);

    /**
     * Adds {@code delta} to an integer value atomically where the store can, keeping its expiry.
     *
     * @throws CacheMissException when the key is missing
     * @throws CacheValueException when the value is not an integer or the result would overflow
     */
    long incr(String key, long delta);

    /** Subtracts one; see {@link #incr(String, long)}. */
    long decr(String key);

    /** Subtracts {@code delta}; see {@link #incr(String, long)}. */
    long decr(String key, long delta);

    /**
     * Moves the value from this view's version to {@code version + 1} and returns the new version.
     *
     * @throws CacheMissException when the key is missing
     */
    int incrVersion(String key);

    /** Moves the value to {@code version + delta}; returns the new version. */
    int incrVersion(String key, int delta);

    /** Moves the value to {@code version - 1}; returns the new version. */
    int decrVersion(String key);

    /** Moves the value to {@code version - delta}; returns the new version. */
    int decrVersion(String key, int delta);

    /**
     * The cached value, or: run the supplier, {@code add} its result with the default timeout, and
     * return what the cache then holds (another writer may have won). Within one process the
     * supplier runs at most once per key at a time: concurrent callers wait for it.
     */
    Object getOrSet(String key, Supplier<?> supplier);

    /** {@link #getOrSet(String, Supplier)} with a timeout for the computed value. */
    Object getOrSet(String key, Supplier<?> supplier, Timeout timeout);

    /** {@link #getOrSet(String, Supplier)} with a typed read. */
    <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier);

    /** {@link #getOrSet(String, Supplier, Timeout)} with a typed read. */
    <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier, Timeout timeout);

    /**
     * Empties the cache (on Redis, like Django, the whole logical database); in a
     * {@link #namespace(String) namespace}, deletes only the namespace's keys of this version.
     */
    void clear();

    /**
     * Deletes the keys whose user key matches {@code glob} (Redis glob syntax: {@code *}, {@code ?},
     * {@code [...]}, {@code \} escapes) under this view's {@code KEY_PREFIX}, version and namespace,
     * as django-redis's {@code delete_pattern}; how many. On Redis by {@code SCAN} and {@code DEL}
     * in batches, never the blocking {@code KEYS}.
     */
    long deletePattern(String glob);

    /** The stored key for a user key under this view's version. */
    String makeKey(String key);

    /** The version this view uses when none is given ({@code VERSION} for the cache itself). */
    int version();

    /** A view of this cache whose operations use {@code version} instead of {@code VERSION}. */
    Cache version(int version);

    /**
     * A view of this cache in the namespace {@code name}: user key {@code k} is stored as this
     * cache stores {@code name:k} (under the same {@code KEY_PREFIX}, version and key function, so
     * {@code :1:products:p1}), the view counts its own {@link #statistics()}, and its
     * {@link #clear()} deletes only its own keys. Its version views and its asynchronous face stay
     * in the namespace; a namespace of a namespace nests ({@code a:b:k}). Views are cheap and share
     * this cache's store; the backend's extras are on the backend's own views, not on namespaces.
     *
     * @throws CacheKeyException when {@code name} is null, empty or holds a {@code :} (which would
     *     let two namespaces share keys)
     */
    Cache namespace(String name);

    /** The asynchronous twin of this cache (same version). */
    AsyncCache async();

    /**
     * Checks that the alias can serve requests now, each server it uses in turn, without throwing:
     * a server that does not answer is reported down with the reason. In-memory backends are up.
     */
    default CacheHealth health() {
        return new CacheHealth(alias(), java.util.List.of());
    }

    /** This alias's counters since it was built ({@link CacheStatistics#NONE} for a cache that counts nothing). */
    default CacheStatistics statistics() {
        return CacheStatistics.NONE;
    }

    /** The cache's default timeout ({@code TIMEOUT}). */
    Timeout defaultTimeout();

    /**
     * Per-request close: cheap and not terminal (Django calls it after every request); the cache
     * keeps working. Connections are released for good by closing the {@link Caches} registry.
     */
    @Override
    void close();
}
