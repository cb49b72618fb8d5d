package org.cacheway.cache.base;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.AsyncCache;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheClosedException;
import org.cacheway.cache.CacheKeyException;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.CacheStatistics;
import org.cacheway.cache.KeyFunction;
import org.cacheway.cache.KeyWarnings;
import org.cacheway.cache.Releasable;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.codec.ValueCodec;

/**
 * Django's {@code BaseCache} for the JVM: key making and warnings, timeout rules, value encoding,
 * fail-open, versions and single-flight {@code getOrSet}, written once over an asynchronous,
 * byte-level {@link CacheStore}. This class is the synchronous face: each method waits for the
 * same operation the asynchronous face ({@link #async()}) composes. A backend extends this class,
 * hands it its store, and adds its extras the same way (written once, returning a future; the
 * synchronous method {@link Stages#await awaits} it).
 *
 * <p>Views for other versions share everything but the version; {@link #withVersion(int)} makes
 * one of the backend's own class, so backend extras work under any version too. Views of a
 * {@link #namespace(String) namespace} share the store too, and add the namespace to every key
 * and pattern they make and count their own statistics; they are made here, for every backend.
 */
public abstract class BaseCache implements Cache, Releasable {
    private final Shared shared;
    private final int version;
    private final Namespace namespace;
    private final Operations operations;
    private final AsyncFace async;

    /**
     * A cache over {@code store}, with the codec, key scheme and fail-open policy its settings
     * describe.
     */
    protected BaseCache(CacheSettings settings, CacheStore store) {
        this(new Shared(settings, store, ValueCodec.from(settings), FailOpen.from(settings)), settings.version(),
                null);
    }

    /** A view of {@code cache} that uses {@code version}; shares its store, state and namespace. */
    protected BaseCache(BaseCache cache, int version) {
        this(cache.shared, version, cache.namespace);
    }

    /** A view of {@code cache} in its namespace {@code name} (nested in the one it is in), with counters of its own. */
    BaseCache(BaseCache cache, String name) {
        this(cache.shared, cache.version, new Namespace((cache.namespace == null ? "" : cache.namespace.keyPart)
                + name + ":"));
    }

    private BaseCache(Shared shared, int version, Namespace namespace) {
        this.shared = shared;
        this.version = version;
        this.namespace = namespace;
        this.operations = new Operations(this);
        this.async = new AsyncFace(this, operations);
    }

    /**
     * The options a cache on this class reads with {@code settings} (fail-open, and the value codec
     * with its serializer's and compressor's own), for a backend's unknown-option check
     * ({@link CacheOption#checkKnown}).
     */
    public static List<CacheOption<?>> options(CacheSettings settings) {
        List<CacheOption<?>> all = new java.util.ArrayList<>(FailOpen.OPTIONS);
        all.addAll(ValueCodec.options(settings));
        return all;
    }

    /** A view of this cache under another version, of the backend's own class. */
    protected abstract BaseCache withVersion(int version);

    /** A namespace's part of every user key ({@code name:}), and its own counters. */
    private static final class Namespace {
        final String keyPart;
        final Statistics statistics = new Statistics();

        Namespace(String keyPart) {
            this.keyPart = keyPart;
        }
    }

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
        final Statistics statistics = new Statistics();
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

    SingleFlight flights() {
        return shared.flights;
    }

    Statistics counters() {
        return namespace == null ? shared.statistics : namespace.statistics;
    }

    /** Whether this is a view of a namespace. */
    boolean inNamespace() {
        return namespace != null;
    }

    /** This view's counters; a namespace's leave out the store's size and evictions, which are the alias's. */
    @Override
    public CacheStatistics statistics() {
        return namespace == null ? shared.statistics.snapshot(shared.store) : namespace.statistics.snapshot(null);
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
    public Cache namespace(String name) {
        if (name == null || name.isEmpty() || name.indexOf(':') >= 0) {
            throw new CacheKeyException("Cache namespace must be a non-empty name without ':' (cache '" + alias()
                    + "'), got " + (name == null ? "null" : name.isEmpty() ? "an empty name"
                    : "a name of " + name.length() + " characters with ':' at index " + name.indexOf(':')));
        }
        return new NamespaceView(this, name);
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
        checkOpen();
        if (key == null) {
            throw new CacheKeyException("Cache key must not be null (cache '" + alias() + "')");
        }
        String made = shared.keyFunction.makeKey(namespace == null ? key : namespace.keyPart + key, shared.prefix,
                atVersion);
        KeyWarnings.check(made);
        return made;
    }

    /**
     * The stored-key pattern of a user-key {@code glob} under this view's version and namespace, as
     * django-redis's {@code make_pattern}: the key function applied to the glob, with the
     * {@code KEY_PREFIX} and namespace {@link Globs#escape escaped} so that they match only themselves.
     *
     * @throws CacheKeyException for a null glob
     * @throws CacheClosedException once the registry was closed
     */
    public String makePattern(String glob) {
        checkOpen();
        if (glob == null) {
            throw new CacheKeyException("Cache key pattern must not be null (cache '" + alias() + "')");
        }
        return shared.keyFunction.makeKey(namespace == null ? glob : Globs.escape(namespace.keyPart) + glob,
                Globs.escape(shared.prefix), version);
    }

    /**
     * Deletes the stored keys matching a {@link #makePattern made pattern}; how many. The store's
     * {@link CacheStore#deleteMatching} by default; a backend may override it to pass its own
     * options (Redis's {@code SCAN_ITERSIZE}).
     */
    protected CompletableFuture<Long> deleteMatching(String pattern) {
        return shared.store.deleteMatching(pattern);
    }

    /** {@code timeout}, with {@link Timeout#DEFAULT} replaced by the cache's {@code TIMEOUT}. */
    protected Timeout resolve(Timeout timeout) {
        return Objects.requireNonNull(timeout, "timeout").orDefault(shared.defaultTimeout);
    }

    /**
     * Fails once the registry released this cache.
     *
     * @throws CacheClosedException after {@link #release()}
     */
    protected void checkOpen() {
        if (shared.released) {
            throw new CacheClosedException(alias());
        }
    }

    // ---- the synchronous face: each operation awaited ------------------------------------

    @Override
    public Object get(String key) {
        return getOrDefault(key, null);
    }

    @Override
    public Object getOrDefault(String key, Object defaultValue) {
        return Stages.await(operations.getOrDefault(Face.SYNC, key, defaultValue));
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        return Stages.await(operations.get(Face.SYNC, key, type));
    }

    @Override
    public Map<String, Object> getMany(Iterable<String> keys) {
        return getMany(keys, null);
    }

    @Override
    public <T> Map<String, T> getMany(Iterable<String> keys, Class<T> type) {
        return Stages.await(operations.getMany(Face.SYNC, keys, type));
    }

    @Override
    public boolean hasKey(String key) {
        return Stages.await(operations.hasKey(Face.SYNC, key));
    }

    @Override
    public boolean set(String key, Object value) {
        return set(key, value, Timeout.DEFAULT);
    }

    @Override
    public boolean set(String key, Object value, Timeout timeout) {
        return Stages.await(operations.write(Face.SYNC, key, value, timeout, SetCondition.ALWAYS));
    }

    @Override
    public boolean add(String key, Object value) {
        return add(key, value, Timeout.DEFAULT);
    }

    @Override
    public boolean add(String key, Object value, Timeout timeout) {
        return Stages.await(operations.write(Face.SYNC, key, value, timeout, SetCondition.IF_ABSENT));
    }

    /** One store primitive: atomic and one round trip where the store has it (Redis {@code SET XX}). */
    @Override
    public boolean replace(String key, Object value, Timeout timeout) {
        return Stages.await(operations.write(Face.SYNC, key, value, timeout, SetCondition.IF_PRESENT));
    }

    @Override
    public boolean touch(String key) {
        return touch(key, Timeout.DEFAULT);
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        return Stages.await(operations.touch(Face.SYNC, key, timeout));
    }

    @Override
    public boolean delete(String key) {
        return Stages.await(operations.delete(Face.SYNC, key));
    }

    @Override
    public List<String> setMany(Map<String, ?> values) {
        return setMany(values, Timeout.DEFAULT);
    }

    @Override
    public List<String> setMany(Map<String, ?> values, Timeout timeout) {
        return Stages.await(operations.setMany(Face.SYNC, values, timeout));
    }

    @Override
    public long deleteMany(Iterable<String> keys) {
        return Stages.await(operations.deleteMany(Face.SYNC, keys));
    }

    @Override
    public void clear() {
        Stages.await(operations.clear(Face.SYNC));
    }

    @Override
    public long deletePattern(String glob) {
        return Stages.await(operations.deletePattern(Face.SYNC, glob));
    }

    @Override
    public long incr(String key) {
        return incr(key, 1);
    }

    @Override
    public long incr(String key, long delta) {
        return Stages.await(operations.incr(Face.SYNC, key, delta));
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

    @Override
    public int incrVersion(String key, int delta) {
        return Stages.await(operations.incrVersion(Face.SYNC, key, delta));
    }

    @Override
    public int decrVersion(String key) {
        return incrVersion(key, -1);
    }

    @Override
    public int decrVersion(String key, int delta) {
        return incrVersion(key, Math.negateExact(delta));
    }

    @Override
    public Object getOrSet(String key, Supplier<?> supplier) {
        return getOrSet(key, supplier, Timeout.DEFAULT);
    }

    @Override
    public Object getOrSet(String key, Supplier<?> supplier, Timeout timeout) {
        return Stages.await(operations.getOrSet(Face.callerRuns(), key, null, supplier, timeout));
    }

    @Override
    public <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier) {
        return getOrSet(key, type, supplier, Timeout.DEFAULT);
    }

    @Override
    public <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier, Timeout timeout) {
        Objects.requireNonNull(type, "type");
        return type.cast(Stages.await(operations.getOrSet(Face.callerRuns(), key, type, supplier, timeout)));
    }

    // ---- lifecycle -----------------------------------------------------------------------

    /** Per-request close (Django calls it after every request): the store's, which usually keeps its connections. */
    @Override
    public void close() {
        if (!shared.released) {
            shared.store.close();
        }
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
        return getClass().getSimpleName() + "{alias=" + alias() + ", version=" + version
                + (namespace == null ? "" : ", namespace=" + namespace.keyPart.substring(0, namespace.keyPart.length() - 1))
                + "}";
    }
}
