package org.cacheway.cache.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cacheway.cache.CacheClosedException;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.KeyFunction;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.BaseCache;
import org.cacheway.cache.base.FailOpen;
import org.cacheway.cache.redis.client.CacheClient;
import org.cacheway.cache.redis.client.CacheClients;
import org.cacheway.cache.redis.lock.RedisLock;

/**
 * The Redis cache backend, django-redis's {@code RedisCache} on Lettuce: Django's cache semantics
 * from {@link BaseCache} over the client named by {@code OPTIONS['CLIENT_CLASS']}, plus
 * django-redis's extras (ttl and expiry control, conditional set, creating incr, locks, pattern
 * deletes and key scans, raw connections). Values share django-redis's wire format, so a Django
 * app with the JSON serializer reads and writes the same keys.
 *
 * <p>Every extra uses this view's version. With {@code IGNORE_EXCEPTIONS} the extras fail open too
 * (ttl 0, writes false, scans empty), except {@code incr} and locks, which always report errors.
 */
public class RedisCache extends BaseCache {
    /** redis-py's default pause between attempts of a blocking lock acquire. */
    public static final Duration DEFAULT_LOCK_SLEEP = Duration.ofMillis(100);

    private final CacheClient client;
    private final boolean closeConnection;
    private final int scanItersize;
    private final RedisAsyncExtras asyncExtras;

    /**
     * A Redis cache from its settings ({@code LOCATION}, {@code OPTIONS}); connections are made on
     * first use, so a server that is down at start-up does not prevent building the cache. A block
     * for Django's built-in {@code django.core.cache.backends.redis.RedisCache} works unchanged
     * (pickle at protocol 5 by default, its lower-case redis-py OPTIONS translated or ignored).
     *
     * @throws org.cacheway.cache.CacheConfigurationException naming the alias, setting and value
     */
    public RedisCache(CacheSettings settings) {
        this(DjangoBuiltinBackend.redisCacheSettings(settings), CacheClients::create);
    }

    /** Builds the client from the settings the constructor resolved (Django's built-in backend translated). */
    private RedisCache(CacheSettings settings, Function<CacheSettings, CacheClient> clients) {
        this(settings, clients.apply(settings));
    }

    private RedisCache(CacheSettings settings, CacheClient client) {
        super(settings, client);
        this.client = client;
        this.closeConnection = settings.options().bool("CLOSE_CONNECTION", false);
        this.scanItersize = settings.options().integer("SCAN_ITERSIZE", 10);
        this.asyncExtras = new RedisAsyncExtras(this);
    }

    private RedisCache(RedisCache cache, int version) {
        super(cache, version);
        this.client = cache.client;
        this.closeConnection = cache.closeConnection;
        this.scanItersize = cache.scanItersize;
        this.asyncExtras = new RedisAsyncExtras(this);
    }

    /** A view of this cache under another version, sharing its connections. */
    @Override
    public RedisCache withVersion(int version) {
        return new RedisCache(this, version);
    }

    @Override
    public RedisCache version(int other) {
        return (RedisCache) super.version(other);
    }

    /** The asynchronous twins of the extras. */
    public RedisAsyncExtras asyncExtras() {
        return asyncExtras;
    }

    /** The client (the {@code CLIENT_CLASS} instance) that owns the connections. */
    public CacheClient client() {
        return client;
    }

    /**
     * The raw Lettuce connection (django-redis's {@code get_redis_connection}): the primary's for
     * {@code write}, else a read replica's. Shared: do not close it, and do not start
     * {@code MULTI} on it (other threads' commands would join the transaction).
     */
    public StatefulRedisConnection<String, byte[]> getRedisConnection(boolean write) {
        checkOpen();
        return client.connection(write);
    }

    /** The primary's raw Lettuce connection. */
    public StatefulRedisConnection<String, byte[]> getRedisConnection() {
        return getRedisConnection(true);
    }

    // ---- expiry --------------------------------------------------------------------------

    /** Seconds the key has left (rounded as Redis's TTL): 0 when missing, null when it never expires. */
    public Long ttl(String key) {
        return seconds(pttl(key));
    }

    /** Milliseconds the key has left: 0 when missing, null when it never expires. */
    public Long pttl(String key) {
        String made = makeKey(key);
        return failSafe(() -> millis(client.pttl(made)), 0L);
    }

    static Long millis(long pttl) {
        return pttl == -2 ? Long.valueOf(0) : pttl == -1 ? null : Long.valueOf(pttl);
    }

    static Long seconds(Long millis) {
        return millis == null ? null : millis == 0 ? 0L : (millis + 500) / 1000;
    }

    /** Gives the key {@code seconds} to live (zero or negative deletes it); whether it existed. */
    public boolean expire(String key, long seconds) {
        return pexpire(key, Math.multiplyExact(seconds, 1000L));
    }

    /** Gives the key {@code timeout} to live; whether it existed. */
    public boolean expire(String key, Duration timeout) {
        return pexpire(key, timeout.toMillis());
    }

    /** Gives the key {@code millis} milliseconds to live; whether it existed. */
    public boolean pexpire(String key, long millis) {
        String made = makeKey(key);
        return failSafe(() -> client.pexpire(made, millis), false);
    }

    /** Expires the key at {@code when} (a past time deletes it); whether it existed. */
    public boolean expireAt(String key, Instant when) {
        return pexpireAt(key, when.toEpochMilli());
    }

    /** Expires the key at a Unix time in seconds; whether it existed. */
    public boolean expireAt(String key, long epochSeconds) {
        return pexpireAt(key, Math.multiplyExact(epochSeconds, 1000L));
    }

    /** Expires the key at a Unix time in milliseconds; whether it existed. */
    public boolean pexpireAt(String key, long epochMillis) {
        String made = makeKey(key);
        return failSafe(() -> client.pexpireAt(made, epochMillis), false);
    }

    /** Expires the key at {@code when}, with millisecond precision; whether it existed. */
    public boolean pexpireAt(String key, Instant when) {
        return pexpireAt(key, when.toEpochMilli());
    }

    /** Removes the key's expiry; true when it had one, false when missing or already persistent. */
    public boolean persist(String key) {
        String made = makeKey(key);
        return failSafe(() -> client.persist(made), false);
    }

    // ---- conditional set and counters ----------------------------------------------------

    /**
     * django-redis's {@code set(key, value, timeout, nx=, xx=)}: stores under the condition and
     * returns whether it did. A zero or negative timeout stores nothing: with {@link SetMode#NX} it
     * returns whether the key is absent (an existing key is left alone), otherwise it deletes the
     * key and returns whether one was deleted ({@link SetMode#ALWAYS} returns true, as {@code set}).
     */
    public boolean set(String key, Object value, Timeout timeout, SetMode mode) {
        if (mode == SetMode.ALWAYS) {
            return set(key, value, timeout);
        }
        String made = makeKey(key);
        Timeout resolved = resolve(timeout);
        if (resolved.isExpired()) {
            return failSafe(() -> mode == SetMode.NX ? !client.exists(made) : client.delete(made), false);
        }
        byte[] encoded = codec().encode(value);
        return failSafe(() -> client.set(made, encoded, resolved, mode), false);
    }

    /**
     * Adds {@code delta}; with {@code ignoreKeyCheck} a missing key is created holding
     * {@code delta} with no expiry (a plain {@code INCRBY}), else it is an error as {@link #incr(String, long)}.
     */
    public long incr(String key, long delta, boolean ignoreKeyCheck) {
        return ignoreKeyCheck ? client.incrByCreating(makeKey(key), delta) : incr(key, delta);
    }

    // ---- locks ---------------------------------------------------------------------------

    /** A lock on {@code name} (at the made key) that never expires, not yet acquired. */
    public RedisLock lock(String name) {
        return lock(name, null, DEFAULT_LOCK_SLEEP, null);
    }

    /** A lock on {@code name} that expires {@code timeout} after it is taken, not yet acquired. */
    public RedisLock lock(String name, Duration timeout) {
        return lock(name, timeout, DEFAULT_LOCK_SLEEP, null);
    }

    /**
     * django-redis's {@code lock(key, timeout, sleep, blocking_timeout)}: {@code timeout} null for
     * no expiry, {@code blockingTimeout} null to wait for ever in {@link RedisLock#acquire()}.
     */
    public RedisLock lock(String name, Duration timeout, Duration sleep, Duration blockingTimeout) {
        return new RedisLock(client, makeKey(name), timeout, sleep, blockingTimeout);
    }

    // ---- patterns and scans --------------------------------------------------------------

    /** The SCAN pattern for the user's glob under this view's prefix and version (prefix escaped). */
    public String makePattern(String glob) {
        checkOpen();
        return KeyPatterns.makePattern(keyFunction(), glob, settings().keyPrefix(), version());
    }

    /** Deletes the keys matching the user's glob; returns how many were deleted. */
    public long deletePattern(String glob) {
        return deletePattern(glob, scanItersize);
    }

    /** Deletes the keys matching the user's glob, scanning {@code itersize} at a time. */
    public long deletePattern(String glob, int itersize) {
        String pattern = makePattern(glob);
        return failSafe(() -> client.deletePattern(pattern, itersize), 0L);
    }

    /**
     * The user keys matching {@code glob}, lazily, page by page over {@code SCAN}. A key may come
     * twice when the keyspace changes during the scan (as SCAN itself).
     */
    public Iterator<String> iterKeys(String glob) {
        return iterKeys(glob, scanItersize);
    }

    /** {@link #iterKeys(String)} with a {@code COUNT} hint per page. */
    public Iterator<String> iterKeys(String glob, int itersize) {
        String pattern = makePattern(glob);
        Iterator<String> made = failSafe(() -> client.scan(pattern, itersize, false), Collections.emptyIterator());
        KeyFunction keyFunction = keyFunction();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return made.hasNext();
            }

            @Override
            public String next() {
                return keyFunction.reverseKey(made.next());
            }
        };
    }

    /** The user keys matching {@code glob}, each once (by SCAN, never the blocking KEYS). */
    public List<String> keys(String glob) {
        String pattern = makePattern(glob);
        return failSafe(() -> {
            Set<String> found = new LinkedHashSet<>();
            client.scan(pattern, Math.max(scanItersize, 100), false)
                    .forEachRemaining(key -> found.add(keyFunction().reverseKey(key)));
            return new ArrayList<>(found);
        }, new ArrayList<>());
    }

    // ---- clearing and lifecycle ----------------------------------------------------------

    /** {@link ClearMode#DATABASE}: {@code FLUSHDB} as Django; {@link ClearMode#PREFIX}: {@link #clearPrefix()}. */
    public void clear(ClearMode mode) {
        if (mode == ClearMode.PREFIX) {
            clearPrefix();
        } else {
            clear();
        }
    }

    /**
     * Deletes only this cache's keys, those under its {@code KEY_PREFIX} (every version with the
     * default key function, this view's version with a custom one), by SCAN; returns how many.
     */
    public long clearPrefix() {
        checkOpen();
        String pattern = KeyPatterns.prefixPattern(keyFunction(), settings().keyPrefix(), version());
        return failSafe(() -> client.deletePattern(pattern, scanItersize), 0L);
    }

    /** Per-request close: disconnects only with {@code CLOSE_CONNECTION} (the next call reconnects). */
    @Override
    public void close() {
        if (closeConnection && !isReleased()) {
            client.disconnect();
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    private KeyFunction keyFunction() {
        return settings().keyFunction();
    }

    private void checkOpen() {
        if (isReleased()) {
            throw new CacheClosedException(alias());
        }
    }

    /** Runs an extra, answering {@code fallback} for a connection error survived by fail-open. */
    private <T> T failSafe(Supplier<T> extra, T fallback) {
        try {
            return extra.get();
        } catch (CacheConnectionException e) {
            failOpen().survive(e);
            return fallback;
        }
    }

    /** The fail-open policy, for the asynchronous extras. */
    FailOpen failOpenPolicy() {
        return failOpen();
    }

    /** {@link #resolve(Timeout)}, for the asynchronous extras. */
    Timeout resolved(Timeout timeout) {
        return resolve(timeout);
    }
}
