package org.cacheway.spring;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.cache.support.AbstractValueAdaptingCache;
import org.springframework.cache.support.NullValue;

/**
 * A Spring {@link org.springframework.cache.Cache} backed by a Cacheway cache: either a whole alias
 * or a namespace inside one (see {@link CachewayCacheManager}). Spring's keys become stable key
 * strings with no memcached warning ({@code SimpleKey}, numbers and other objects by their
 * {@code toString()}, characters Django warns about percent-escaped, over-long keys hashed).
 * Spring's null ({@link NullValue}) is stored as a plain null, which a Django app reads as
 * {@code None}.
 *
 * <ul>
 *   <li>{@link #get(Object, Callable)} is Cacheway's single-flight {@code getOrSet}: concurrent
 *       callers in one process run the loader once; a loader's exception comes out as Spring's
 *       {@link ValueRetrievalException}.</li>
 *   <li>{@link #putIfAbsent} is one atomic {@code add}.</li>
 *   <li>{@link #clear()} deletes only this Spring cache's keys ({@code deletePattern}: by SCAN on
 *       Redis), never the database.</li>
 *   <li>{@link #retrieve(Object)} and {@link #retrieve(Object, Supplier)} run on Cacheway's async face
 *       and never block the caller; their futures complete on {@link CompletableFuture}'s default
 *       async executor, never on Redis's I/O thread, so a blocking call in a callback is safe.
 *       Concurrent {@code retrieve(key, loader)} calls for a key share one load.</li>
 * </ul>
 */
public class CachewayCache extends AbstractValueAdaptingCache {
    private static final Object MISS = new Object();

    private final String name;
    private final org.cacheway.cache.Cache cache;
    /** The {@link #retrieve(Object, Supplier)} loads in progress, by made key. */
    private final ConcurrentHashMap<String, CompletableFuture<Object>> flights = new ConcurrentHashMap<>();

    /**
     * A Spring cache named {@code name} over {@code cache}.
     *
     * @param allowNullValues whether null values are cached (as Spring's {@code NullValue} rules say)
     */
    public CachewayCache(String name, org.cacheway.cache.Cache cache, boolean allowNullValues) {
        super(allowNullValues);
        this.name = Objects.requireNonNull(name, "name");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public String getName() {
        return name;
    }

    /**
     * The Cacheway cache behind this Spring cache: the alias itself, or a view of this Spring cache's
     * namespace whose {@code statistics()} are this Spring cache's own.
     */
    @Override
    public org.cacheway.cache.Cache getNativeCache() {
        return cache;
    }

    /**
     * The Cacheway key string a Spring key maps to. The stored key's length is reckoned from the
     * made form of an empty key (making the real one would log the warning this avoids).
     */
    String key(Object key) {
        String text = SpringKeys.of(key);
        return SpringKeys.fitted(text, cache.makeKey("").length() + text.length());
    }

    @Override
    protected Object lookup(Object key) {
        return stored(cache.getOrDefault(key(key), MISS));
    }

    /** What Spring's store-value rules make of a value read (null for a miss). */
    private Object stored(Object raw) {
        if (raw == MISS) {
            return null;
        }
        return raw == null && isAllowNullValues() ? NullValue.INSTANCE : raw;
    }

    /** The value written for a user value: Spring's null becomes a plain null. */
    private Object writable(Object value) {
        Object store = toStoreValue(value);
        return store == NullValue.INSTANCE ? null : store;
    }

    /**
     * The value at {@code key} read as {@code type} by the alias's serializer (so plain JSON becomes
     * a record or POJO here too), or null when missing or null.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Class<T> type) {
        Class<?> wanted = type == null ? Object.class : type;
        Object value = cache.get(key(key), wanted);
        return (T) fromStoreValue(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Callable<T> valueLoader) {
        Object value = cache.getOrSet(key(key), () -> writable(load(key, valueLoader)));
        return (T) fromStoreValue(value == null && isAllowNullValues() ? NullValue.INSTANCE : value);
    }

    private static <T> T load(Object key, Callable<T> valueLoader) {
        try {
            return valueLoader.call();
        } catch (Exception e) {
            throw new ValueRetrievalException(key, valueLoader, e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        cache.set(key(key), writable(value));
    }

    /** Stores the value only when the key is absent, in one atomic {@code add}; else wraps what is there. */
    @Override
    public ValueWrapper putIfAbsent(Object key, Object value) {
        if (cache.add(key(key), writable(value))) {
            return null;
        }
        return toValueWrapper(lookup(key));
    }

    @Override
    public void evict(Object key) {
        cache.delete(key(key));
    }

    @Override
    public boolean evictIfPresent(Object key) {
        return cache.delete(key(key));
    }

    @Override
    public void clear() {
        clearKeys();
    }

    /** Clears this Spring cache; true when keys were deleted. */
    @Override
    public boolean invalidate() {
        return clearKeys() > 0;
    }

    /**
     * Deletes this Spring cache's keys, those of its alias's {@code KEY_PREFIX} and version (of its
     * namespace, for a namespace), by pattern: never the whole database, which other aliases and a
     * Django app may share; how many.
     */
    private long clearKeys() {
        return cache.deletePattern("*");
    }

    /**
     * The value at {@code key}, read without blocking: a future completing with null on a miss, with
     * a {@link ValueWrapper} when null values are allowed (so a cached null is told from a miss), or
     * with the value itself when they are not.
     */
    @Override
    public CompletableFuture<?> retrieve(Object key) {
        return offRedisIo(cache.async().getOrDefault(key(key), MISS)).thenApply(raw -> {
            Object store = stored(raw);
            return isAllowNullValues() ? toValueWrapper(store) : fromStoreValue(store);
        });
    }

    /**
     * The value at {@code key}, or the loader's value, stored; neither the read nor the loader's
     * future is waited for on the caller's thread. Concurrent callers for one key in this process
     * share one read and one load (as Spring asks of {@code @Cacheable(sync = true)}); each gets a
     * future of its own.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> retrieve(Object key, Supplier<CompletableFuture<T>> valueLoader) {
        String made = key(key);
        CompletableFuture<Object> flight = new CompletableFuture<>();
        CompletableFuture<Object> running = flights.putIfAbsent(made, flight);
        if (running == null) {
            offRedisIo(cache.async().getOrDefault(made, MISS)).thenCompose(raw -> {
                Object store = stored(raw);
                if (store != null) {
                    return CompletableFuture.completedFuture(fromStoreValue(store));
                }
                return valueLoader.get().thenCompose(value -> offRedisIo(cache.async().set(made, writable(value)))
                        .thenApply(stored -> (Object) value));
            }).whenComplete((value, error) -> {
                flights.remove(made, flight);
                if (error != null) {
                    flight.completeExceptionally(error);
                } else {
                    flight.complete(value);
                }
            });
            running = flight;
        }
        return (CompletableFuture<T>) running.thenApply(value -> value);
    }

    /**
     * {@code future}, its dependents run on {@link CompletableFuture}'s default async executor
     * instead of the thread that completed it: a Redis future completes on Lettuce's I/O thread,
     * and Spring's caching aspect writes a loaded value with a blocking {@link #put} in a callback
     * of {@code retrieve}'s future, which would wait there for a reply only that thread can read.
     */
    private static <T> CompletableFuture<T> offRedisIo(CompletableFuture<T> future) {
        return future.thenApplyAsync(value -> value);
    }

    @Override
    public String toString() {
        return "CachewayCache{" + name + " -> " + cache + "}";
    }
}
