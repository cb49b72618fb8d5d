package org.cacheway.spring;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cacheway.cache.AsyncCache;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheHealth;
import org.cacheway.cache.CacheStatistics;
import org.cacheway.cache.Timeout;

/**
 * A Cacheway cache view of one namespace of an alias: every key gets the namespace's key part in
 * front (before the alias's prefix and version are applied, so Django's key rules still hold), and
 * the view counts its own statistics. {@link #clear()} deletes only the namespace's keys.
 */
final class NamespaceCache implements Cache {
    /** Marks a miss in {@code getOrDefault}, so that a stored null still counts as a hit. */
    static final Object MISS = new Object();

    private final Cache cache;
    private final Namespace namespace;
    private final NamespaceCounters counters;

    NamespaceCache(Cache cache, Namespace namespace, NamespaceCounters counters) {
        this.cache = cache;
        this.namespace = namespace;
        this.counters = counters;
    }

    /** The namespace this view covers. */
    Namespace namespace() {
        return namespace;
    }

    @Override
    public String alias() {
        return cache.alias();
    }

    @Override
    public Object get(String key) {
        return getOrDefault(key, null);
    }

    @Override
    public Object getOrDefault(String key, Object defaultValue) {
        Object value = cache.getOrDefault(namespace.key(key), MISS);
        counters.read(value != MISS);
        return value == MISS ? defaultValue : value;
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        T value = cache.get(namespace.key(key), type);
        counters.read(value != null);
        return value;
    }

    @Override
    public boolean set(String key, Object value) {
        return counters.put(cache.set(namespace.key(key), value));
    }

    @Override
    public boolean set(String key, Object value, Timeout timeout) {
        return counters.put(cache.set(namespace.key(key), value, timeout));
    }

    @Override
    public boolean add(String key, Object value) {
        return counters.put(cache.add(namespace.key(key), value));
    }

    @Override
    public boolean add(String key, Object value, Timeout timeout) {
        return counters.put(cache.add(namespace.key(key), value, timeout));
    }

    @Override
    public boolean replace(String key, Object value, Timeout timeout) {
        return counters.put(cache.replace(namespace.key(key), value, timeout));
    }

    @Override
    public boolean touch(String key) {
        return cache.touch(namespace.key(key));
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        return cache.touch(namespace.key(key), timeout);
    }

    @Override
    public boolean delete(String key) {
        return counters.delete(cache.delete(namespace.key(key)));
    }

    @Override
    public Map<String, Object> getMany(Iterable<String> keys) {
        List<String> keyed = namespace.keys(keys);
        Map<String, Object> found = namespace.unkeyed(cache.getMany(keyed));
        counters.reads(found.size(), keyed.size());
        return found;
    }

    @Override
    public <T> Map<String, T> getMany(Iterable<String> keys, Class<T> type) {
        List<String> keyed = namespace.keys(keys);
        Map<String, T> found = namespace.unkeyed(cache.getMany(keyed, type));
        counters.reads(found.size(), keyed.size());
        return found;
    }

    @Override
    public List<String> setMany(Map<String, ?> values) {
        return setMany(values, defaultTimeout());
    }

    @Override
    public List<String> setMany(Map<String, ?> values, Timeout timeout) {
        List<String> failed = namespace.unkeyed(cache.setMany(namespace.keyed(values), timeout));
        counters.puts(values.size() - failed.size());
        return failed;
    }

    @Override
    public long deleteMany(Iterable<String> keys) {
        return counters.deletes(cache.deleteMany(namespace.keys(keys)));
    }

    @Override
    public boolean hasKey(String key) {
        return cache.hasKey(namespace.key(key));
    }

    @Override
    public long incr(String key) {
        return cache.incr(namespace.key(key));
    }

    @Override
    public long incr(String key, long delta) {
        return cache.incr(namespace.key(key), delta);
    }

    @Override
    public long decr(String key) {
        return cache.decr(namespace.key(key));
    }

    @Override
    public long decr(String key, long delta) {
        return cache.decr(namespace.key(key), delta);
    }

    @Override
    public int incrVersion(String key) {
        return cache.incrVersion(namespace.key(key));
    }

    @Override
    public int incrVersion(String key, int delta) {
        return cache.incrVersion(namespace.key(key), delta);
    }

    @Override
    public int decrVersion(String key) {
        return cache.decrVersion(namespace.key(key));
    }

    @Override
    public int decrVersion(String key, int delta) {
        return cache.decrVersion(namespace.key(key), delta);
    }

    @Override
    public Object getOrSet(String key, Supplier<?> supplier) {
        return getOrSet(key, supplier, defaultTimeout());
    }

    @Override
    public Object getOrSet(String key, Supplier<?> supplier, Timeout timeout) {
        boolean[] ran = {false};
        return counters.loaded(cache.getOrSet(namespace.key(key), counters.timed(supplier, ran), timeout), ran[0]);
    }

    @Override
    public <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier) {
        return getOrSet(key, type, supplier, defaultTimeout());
    }

    @Override
    public <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier, Timeout timeout) {
        boolean[] ran = {false};
        return counters.loaded(cache.getOrSet(namespace.key(key), type, counters.timed(supplier, ran), timeout),
                ran[0]);
    }

    /**
     * Deletes this namespace's keys (of this version) by pattern, leaving the rest of the alias alone.
     *
     * @throws UnsupportedOperationException when the alias's backend has no pattern delete
     */
    @Override
    public void clear() {
        clearKeys();
    }

    /** {@link #clear()}, returning how many keys it deleted. */
    long clearKeys() {
        return counters.deletes(PatternDelete.delete(cache, namespace.glob(), namespace.name()));
    }

    @Override
    public String makeKey(String key) {
        return cache.makeKey(namespace.key(key));
    }

    @Override
    public int version() {
        return cache.version();
    }

    @Override
    public Cache version(int version) {
        return new NamespaceCache(cache.version(version), namespace, counters);
    }

    @Override
    public AsyncCache async() {
        return new NamespaceAsyncCache(this, cache.async(), counters);
    }

    @Override
    public CacheHealth health() {
        return cache.health();
    }

    @Override
    public CacheStatistics statistics() {
        return counters.snapshot();
    }

    @Override
    public Timeout defaultTimeout() {
        return cache.defaultTimeout();
    }

    @Override
    public void close() {
        cache.close();
    }

    @Override
    public String toString() {
        return "NamespaceCache{alias=" + alias() + ", namespace=" + namespace.name() + "}";
    }
}
