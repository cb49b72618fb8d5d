package org.cacheway.cache.contract;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.cacheway.cache.AsyncCache;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheStatistics;
import org.cacheway.cache.Timeout;

/**
 * A {@link Cache} whose every operation calls the same operation of {@code cache.async()} and
 * waits for it, so that the whole contract suite also runs against the asynchronous face (as
 * Caffeine runs its suite over {@code AsyncCache.synchronous()}). A failed future surfaces as its
 * cause, so the synchronous tests see the same exception types; an operation that throws instead
 * of failing its future breaks {@link AsyncCache}'s contract and fails the test with an
 * {@link AssertionError}. Version views are adapted too; key making, the version and the default
 * timeout, which have no asynchronous twin, come from the wrapped cache.
 */
public final class AwaitingCache implements Cache {
    /** Longer than any operation of the suite needs, short enough that a deadlock fails fast. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Cache cache;

    private AwaitingCache(Cache cache) {
        this.cache = cache;
    }

    /** The awaiting view of {@code cache}'s asynchronous face. */
    public static Cache over(Cache cache) {
        return new AwaitingCache(Objects.requireNonNull(cache, "cache"));
    }

    private static <T> T await(String operation, Supplier<CompletableFuture<T>> call) {
        CompletableFuture<T> future;
        try {
            future = call.get();
        } catch (RuntimeException thrown) {
            throw new AssertionError("AsyncCache." + operation + " threw " + thrown
                    + " instead of failing its future", thrown);
        }
        if (future == null) {
            throw new AssertionError("AsyncCache." + operation + " returned null instead of a future");
        }
        try {
            return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw surfaced(failed.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("AsyncCache." + operation + " did not complete within " + PATIENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while awaiting AsyncCache." + operation, e);
        }
    }

    /** The failure as the synchronous face would throw it. */
    private static RuntimeException surfaced(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new CompletionException(cause);
    }

    @Override
    public String alias() {
        return cache.alias();
    }

    @Override
    public Object get(String key) {
        return await("get", () -> async().get(key));
    }

    @Override
    public Object getOrDefault(String key, Object defaultValue) {
        return await("getOrDefault", () -> async().getOrDefault(key, defaultValue));
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        return await("get", () -> async().get(key, type));
    }

    @Override
    public boolean set(String key, Object value) {
        return await("set", () -> async().set(key, value));
    }

    @Override
    public boolean set(String key, Object value, Timeout timeout) {
        return await("set", () -> async().set(key, value, timeout));
    }

    @Override
    public boolean add(String key, Object value) {
        return await("add", () -> async().add(key, value));
    }

    @Override
    public boolean add(String key, Object value, Timeout timeout) {
        return await("add", () -> async().add(key, value, timeout));
    }

    @Override
    public boolean replace(String key, Object value, Timeout timeout) {
        return await("replace", () -> async().replace(key, value, timeout));
    }

    @Override
    public boolean touch(String key) {
        return await("touch", () -> async().touch(key));
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        return await("touch", () -> async().touch(key, timeout));
    }

    @Override
    public boolean delete(String key) {
        return await("delete", () -> async().delete(key));
    }

    @Override
    public Map<String, Object> getMany(Iterable<String> keys) {
        return await("getMany", () -> async().getMany(keys));
    }

    @Override
    public <T> Map<String, T> getMany(Iterable<String> keys, Class<T> type) {
        return await("getMany", () -> async().getMany(keys, type));
    }

    @Override
    public List<String> setMany(Map<String, ?> values) {
        return await("setMany", () -> async().setMany(values));
    }

    @Override
    public List<String> setMany(Map<String, ?> values, Timeout timeout) {
        return await("setMany", () -> async().setMany(values, timeout));
    }

    @Override
    public long deleteMany(Iterable<String> keys) {
        return await("deleteMany", () -> async().deleteMany(keys));
    }

    @Override
    public boolean hasKey(String key) {
        return await("hasKey", () -> async().hasKey(key));
    }

    @Override
    public long incr(String key) {
        return await("incr", () -> async().incr(key));
    }

    @Override
    public long incr(String key, long delta) {
        return await("incr", () -> async().incr(key, delta));
    }

    @Override
    public long decr(String key) {
        return await("decr", () -> async().decr(key));
    }

    @Override
    public long decr(String key, long delta) {
        return await("decr", () -> async().decr(key, delta));
    }

    @Override
    public int incrVersion(String key) {
        return await("incrVersion", () -> async().incrVersion(key));
    }

    @Override
    public int incrVersion(String key, int delta) {
        return await("incrVersion", () -> async().incrVersion(key, delta));
    }

    @Override
    public int decrVersion(String key) {
        return await("decrVersion", () -> async().decrVersion(key));
    }

    @Override
    public int decrVersion(String key, int delta) {
        return await("decrVersion", () -> async().decrVersion(key, delta));
    }

    @Override
    public Object getOrSet(String key, Supplier<?> supplier) {
        return await("getOrSet", () -> async().getOrSet(key, supplier));
    }

    @Override
    public Object getOrSet(String key, Supplier<?> supplier, Timeout timeout) {
        return await("getOrSet", () -> async().getOrSet(key, supplier, timeout));
    }

    @Override
    public <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier) {
        return await("getOrSet", () -> async().getOrSet(key, type, supplier));
    }

    @Override
    public <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier, Timeout timeout) {
        return await("getOrSet", () -> async().getOrSet(key, type, supplier, timeout));
    }

    @Override
    public void clear() {
        await("clear", () -> async().clear());
    }

    @Override
    public long deletePattern(String glob) {
        return await("deletePattern", () -> async().deletePattern(glob));
    }

    @Override
    public String makeKey(String key) {
        return cache.makeKey(key);
    }

    @Override
    public int version() {
        return cache.version();
    }

    @Override
    public Cache version(int version) {
        return new AwaitingCache(cache.version(version));
    }

    @Override
    public Cache namespace(String name) {
        return new AwaitingCache(cache.namespace(name));
    }

    /** The wrapped cache's counters, which both faces feed. */
    @Override
    public CacheStatistics statistics() {
        return cache.statistics();
    }

    @Override
    public AsyncCache async() {
        return cache.async();
    }

    @Override
    public Timeout defaultTimeout() {
        return cache.defaultTimeout();
    }

    @Override
    public void close() {
        await("close", () -> async().close());
    }

    @Override
    public String toString() {
        return "AwaitingCache(" + cache + ")";
    }
}
