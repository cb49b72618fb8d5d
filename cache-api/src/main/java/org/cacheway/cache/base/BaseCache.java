package org.cacheway.cache.base;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.cacheway.cache.AsyncCache;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheClosedException;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.CacheKeyException;
import org.cacheway.cache.CacheMissException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.KeyFunction;
import org.cacheway.cache.KeyWarnings;
import org.cacheway.cache.Releasable;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.codec.ValueCodec;

/**
 * Django's {@code BaseCache} for the JVM: key making and warnings, timeout rules, value encoding,
 * fail-open, versions and single-flight {@code getOrSet}, written once over a byte-level
 * {@link CacheStore}. A backend extends this class, hands it its store, and overrides only what
 * its store does better.
 *
 * <p>Views for other versions share everything but the version; {@link #withVersion(int)} makes
 * one of the backend's own class, so backend extras work under any version too.
 */
public abstract class BaseCache implements Cache, Releasable {
    /** Marks a miss where null is a legitimate value. */
    static final Object MISSING = new Object();

    private final Shared shared;
    private final int version;
    private final BaseAsyncCache async;

    /**
     * A cache over {@code store}, with the codec, key scheme and fail-open policy its settings
     * describe.
     */
    protected BaseCache(CacheSettings settings, CacheStore store) {
        this.shared = new Shared(settings, store, codecFor(settings), FailOpen.from(settings));
        this.version = settings.version();
        this.async = new BaseAsyncCache(this);
    }

    /** The codec named by {@code OPTIONS['SERIALIZER']} and {@code OPTIONS['COMPRESSOR']}. */
    private static ValueCodec codecFor(CacheSettings settings) {
        return ValueCodec.fromOptions(settings.options().asMap(), settings.alias());
    }

    /** A view of {@code cache} that uses {@code version}; shares its store and state. */
    protected BaseCache(BaseCache cache, int version) {
        this.shared = cache.shared;
        this.version = version;
        this.async = new BaseAsyncCache(this);
    }

    /** A view of this cache under another version, of the backend's own class. */
    protected abstract BaseCache withVersion(int version);

    /** The shared state of a cache and all its version views. */
    private static final class Shared {
        final CacheSettings settings;
        final CacheStore store;
        final ValueCodec codec;
        final FailOpen failOpen;
        final KeyFunction keyFunction;
        final String prefix;
        final Timeout defaultTimeout;
        final SingleFlight flights = new SingleFlight();
        volatile boolean released;

        Shared(CacheSettings settings, CacheStore store, ValueCodec codec, FailOpen failOpen) {
            this.settings = settings;
            this.store = Objects.requireNonNull(store, "store");
            this.codec = codec;
            this.failOpen = failOpen;
            this.keyFunction = settings.keyFunction();
            this.prefix = settings.keyPrefix();
            this.defaultTimeout = settings.timeout();
        }
    }

    // ---- accessors for backends ----------------------------------------------------------

    /** The settings this cache was built from. */
    public CacheSettings settings() {
        return shared.settings;
    }

    /** The value codec (serializer, compressor, integer rule). */
    public ValueCodec codec() {
        return shared.codec;
    }

    /** The byte-level store. */
    protected CacheStore store() {
        return shared.store;
    }

    /** The fail-open policy. */
    protected FailOpen failOpen() {
        return shared.failOpen;
    }

    /** The single-flight registry shared by all versions. */
    SingleFlight flights() {
        return shared.flights;
    }

    // ---- keys and timeouts ---------------------------------------------------------------

    @Override
    public String alias() {
        return shared.settings.alias();
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public BaseCache version(int other) {
        return other == version ? this : withVersion(other);
    }

    @Override
    public AsyncCache async() {
        return async;
    }

    @Override
    public Timeout defaultTimeout() {
        return shared.defaultTimeout;
    }

    @Override
    public String makeKey(String key) {
        return makeKey(key, version);
    }

    /**
     * The stored key for {@code key} under {@code atVersion}, checked and warned about as Django's
     * {@code make_and_validate_key}.
     *
     * @throws CacheKeyException for a null key
     * @throws CacheClosedException once the registry was closed
     */
    protected String makeKey(String key, int atVersion) {
        if (shared.released) {
            throw new CacheClosedException(alias());
        }
        if (key == null) {
            throw new CacheKeyException("Cache key must not be null (cache '" + alias() + "')");
        }
        String made = shared.keyFunction.makeKey(key, shared.prefix, atVersion);
        KeyWarnings.check(made);
        return made;
    }

    /** {@code timeout}, with {@link Timeout#DEFAULT} replaced by the cache's {@code TIMEOUT}. */
    protected Timeout resolve(Timeout timeout) {
        return Objects.requireNonNull(timeout, "timeout").orDefault(shared.defaultTimeout);
    }

    // ---- reads ---------------------------------------------------------------------------

    @Override
    public Object get(String key) {
        return getOrDefault(key, null);
    }

    @Override
    public Object getOrDefault(String key, Object defaultValue) {
        Object found = lookup(makeKey(key), null);
        return found == MISSING ? defaultValue : found;
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        Object found = lookup(makeKey(key), type);
        return found == MISSING ? null : type.cast(found);
    }

    /** The decoded value at a made key, or {@link #MISSING}; survives errors as a miss. */
    Object lookup(String made, Class<?> type) {
        byte[] raw;
        try {
            raw = store().get(made);
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return MISSING;
        }
        return decodeOrMissing(raw, type);
    }

    Object decodeOrMissing(byte[] raw, Class<?> type) {
        if (raw == null) {
            return MISSING;
        }
        return type == null ? codec().decode(raw) : codec().decode(raw, type);
    }

    @Override
    public Map<String, Object> getMany(Iterable<String> keys) {
        return getMany(keys, null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Map<String, T> getMany(Iterable<String> keys, Class<T> type) {
        Map<String, String> made = makeKeys(keys);
        if (made.isEmpty()) {
            return new LinkedHashMap<>();
        }
        List<byte[]> raw;
        try {
            raw = store().getMany(new ArrayList<>(made.values()));
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return new LinkedHashMap<>();
        }
        return (Map<String, T>) decodeMany(made, raw, type);
    }

    /** User key to made key, in request order, duplicates dropped. */
    Map<String, String> makeKeys(Iterable<String> keys) {
        Map<String, String> made = new LinkedHashMap<>(capacityFor(keys instanceof Collection<?> c ? c.size() : 0));
        for (String key : keys) {
            if (!made.containsKey(key)) {
                made.put(key, makeKey(key, version));
            }
        }
        return made;
    }

    /** A hash map capacity that holds {@code entries} without resizing (many-ops build maps of known size). */
    static int capacityFor(int entries) {
        return entries < 12 ? 16 : (int) (entries / 0.75f) + 1;
    }

    Map<String, Object> decodeMany(Map<String, String> made, List<byte[]> raw, Class<?> type) {
        Map<String, Object> found = new LinkedHashMap<>(capacityFor(made.size()));
        int i = 0;
        for (String key : made.keySet()) {
            Object value = decodeOrMissing(raw.get(i++), type);
            if (value != MISSING) {
                found.put(key, value);
            }
        }
        return found;
    }

    @Override
    public boolean hasKey(String key) {
        String made = makeKey(key);
        try {
            return store().exists(made);
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return false;
        }
    }

    // ---- writes --------------------------------------------------------------------------

    @Override
    public boolean set(String key, Object value) {
        return set(key, value, Timeout.DEFAULT);
    }

    @Override
    public boolean set(String key, Object value, Timeout timeout) {
        String made = makeKey(key);
        Timeout resolved = resolve(timeout);
        try {
            if (resolved.isExpired()) {
                store().delete(made);
            } else {
                store().set(made, codec().encode(value), resolved);
            }
            return true;
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return false;
        }
    }

    @Override
    public boolean add(String key, Object value) {
        return add(key, value, Timeout.DEFAULT);
    }

    @Override
    public boolean add(String key, Object value, Timeout timeout) {
        return addMade(makeKey(key), value, resolve(timeout));
    }

    boolean addMade(String made, Object value, Timeout resolved) {
        try {
            if (resolved.isExpired()) {
                return !store().exists(made);
            }
            return store().add(made, codec().encode(value), resolved);
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return false;
        }
    }

    /** One store primitive: atomic and one round trip where the store has it (Redis {@code SET XX}). */
    @Override
    public boolean replace(String key, Object value, Timeout timeout) {
        String made = makeKey(key);
        Timeout resolved = resolve(timeout);
        try {
            if (resolved.isExpired()) {
                return store().delete(made);
            }
            return store().replace(made, codec().encode(value), resolved);
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return false;
        }
    }

    @Override
    public boolean touch(String key) {
        return touch(key, Timeout.DEFAULT);
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        String made = makeKey(key);
        Timeout resolved = resolve(timeout);
        try {
            return resolved.isExpired() ? store().delete(made) : store().touch(made, resolved);
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return false;
        }
    }

    @Override
    public boolean delete(String key) {
        String made = makeKey(key);
        try {
            return store().delete(made);
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return false;
        }
    }

    @Override
    public List<String> setMany(Map<String, ?> values) {
        return setMany(values, Timeout.DEFAULT);
    }

    @Override
    public List<String> setMany(Map<String, ?> values, Timeout timeout) {
        Map<String, String> made = makeKeys(values.keySet());
        if (made.isEmpty()) {
            return new ArrayList<>();
        }
        Timeout resolved = resolve(timeout);
        try {
            if (resolved.isExpired()) {
                store().deleteMany(new ArrayList<>(made.values()));
                return new ArrayList<>();
            }
            return userKeys(made, store().setMany(encodeAll(made, values), resolved));
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return new ArrayList<>(made.keySet());
        }
    }

    Map<String, byte[]> encodeAll(Map<String, String> made, Map<String, ?> values) {
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : made.entrySet()) {
            encoded.put(entry.getValue(), codec().encode(values.get(entry.getKey())));
        }
        return encoded;
    }

    static List<String> userKeys(Map<String, String> made, List<String> failedMadeKeys) {
        List<String> failed = new ArrayList<>();
        if (failedMadeKeys.isEmpty()) {
            return failed;
        }
        for (Map.Entry<String, String> entry : made.entrySet()) {
            if (failedMadeKeys.contains(entry.getValue())) {
                failed.add(entry.getKey());
            }
        }
        return failed;
    }

    @Override
    public long deleteMany(Iterable<String> keys) {
        Map<String, String> made = makeKeys(keys);
        if (made.isEmpty()) {
            return 0;
        }
        try {
            return store().deleteMany(new ArrayList<>(made.values()));
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return 0;
        }
    }

    @Override
    public void clear() {
        if (shared.released) {
            throw new CacheClosedException(alias());
        }
        try {
            store().clear();
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
        }
    }

    // ---- counters and versions -----------------------------------------------------------

    @Override
    public long incr(String key) {
        return incr(key, 1);
    }

    @Override
    public long incr(String key, long delta) {
        Long result = store().incrBy(makeKey(key), delta);
        if (result == null) {
            throw new CacheMissException(key);
        }
        return result;
    }

    @Override
    public long decr(String key) {
        return incr(key, -1);
    }

    @Override
    public long decr(String key, long delta) {
        return incr(key, Math.negateExact(delta));
    }

    @Override
    public int incrVersion(String key) {
        return incrVersion(key, 1);
    }

    /**
     * Moves the stored bytes to the new version with the time they had left, then deletes the
     * old version (as django-redis, which keeps the TTL; Django's base class would reset it).
     */
    @Override
    public int incrVersion(String key, int delta) {
        String from = makeKey(key);
        int target = Math.addExact(version, delta);
        String to = makeKey(key, target);
        byte[] raw = store().get(from);
        long pttl = store().pttl(from);
        if (raw == null || pttl == -2) {
            throw new CacheMissException(key);
        }
        Timeout keep = pttl == -1 ? Timeout.NEVER : Timeout.millis(Math.max(pttl, 1));
        store().set(to, raw, keep);
        store().delete(from);
        return target;
    }

    @Override
    public int decrVersion(String key) {
        return incrVersion(key, -1);
    }

    @Override
    public int decrVersion(String key, int delta) {
        return incrVersion(key, Math.negateExact(delta));
    }

    // ---- get-or-set ----------------------------------------------------------------------

    @Override
    public Object getOrSet(String key, Supplier<?> supplier) {
        return getOrSet(key, supplier, Timeout.DEFAULT);
    }

    @Override
    public Object getOrSet(String key, Supplier<?> supplier, Timeout timeout) {
        return computeIfMissing(key, null, supplier, timeout);
    }

    @Override
    public <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier) {
        return getOrSet(key, type, supplier, Timeout.DEFAULT);
    }

    @Override
    public <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier, Timeout timeout) {
        Objects.requireNonNull(type, "type");
        return type.cast(computeIfMissing(key, type, supplier, timeout));
    }

    /**
     * Django's get-or-set (get; on a miss compute, add, get again, falling back to the computed
     * value), with the computation single-flighted per made key within this process, and across
     * processes where the store coordinates fills ({@link CacheStore#beginFill}).
     */
    private Object computeIfMissing(String key, Class<?> type, Supplier<?> supplier, Timeout timeout) {
        Objects.requireNonNull(supplier, "supplier");
        String made = makeKey(key);
        Object found = lookup(made, type);
        if (found != MISSING) {
            return found;
        }
        Timeout resolved = resolve(timeout);
        return flights().run(made, () -> fill(made, type, supplier, resolved), leaderResult -> {
            Object stored = lookup(made, type);
            return stored == MISSING ? leaderResult : stored;
        });
    }

    /** The in-process leader's part of get-or-set: another process's value, or its own computation. */
    private Object fill(String made, Class<?> type, Supplier<?> supplier, Timeout resolved) {
        Object filled = beginFill(made, type);
        if (filled != MISSING) {
            return filled;
        }
        try {
            Object computed = supplier.get();
            addMade(made, computed, resolved);
            Object stored = lookup(made, type);
            return stored == MISSING ? computed : stored;
        } finally {
            endFill(made);
        }
    }

    private Object beginFill(String made, Class<?> type) {
        try {
            return decodeOrMissing(store().beginFill(made), type);
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return MISSING;
        }
    }

    private void endFill(String made) {
        try {
            store().endFill(made);
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
        }
    }

    // ---- lifecycle -----------------------------------------------------------------------

    /** Per-request close: nothing to do by default; the cache keeps working. */
    @Override
    public void close() {
        // Django calls close() after every request; connections live until release().
    }

    @Override
    public void release() {
        if (!shared.released) {
            shared.released = true;
            shared.store.release();
        }
    }

    /** Whether the registry released this cache. */
    protected boolean isReleased() {
        return shared.released;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{alias=" + alias() + ", version=" + version + "}";
    }
}
