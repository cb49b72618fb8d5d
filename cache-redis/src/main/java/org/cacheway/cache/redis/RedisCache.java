package org.cacheway.cache.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.CacheContext;
import org.cacheway.cache.CacheHealth;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.KeyFunction;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.BaseCache;
import org.cacheway.cache.base.FailOpen;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.redis.client.CacheClient;
import org.cacheway.cache.redis.client.ClientClasses;
import org.cacheway.cache.redis.client.ClientConfig;
import org.cacheway.cache.redis.client.ClientFactory;
import org.cacheway.cache.redis.client.ClusterClient;
import org.cacheway.cache.redis.client.ScanPage;
import org.cacheway.cache.redis.internal.TaggedKeyFunction;
import org.cacheway.cache.redis.internal.near.NearCacheClient;
import org.cacheway.cache.redis.lock.RedisLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis cache backend, django-redis's {@code RedisCache} on Lettuce: Django's cache semantics
 * from {@link BaseCache} over the client named by {@code OPTIONS['CLIENT_CLASS']} (with the
 * policies its options switch on), plus django-redis's extras (ttl and expiry control,
 * conditional set, creating incr, locks, pattern deletes and key scans, raw connections). Values
 * share django-redis's wire format, so a Django app with the JSON serializer reads and writes the
 * same keys.
 *
 * <p>Every extra is written once, asynchronously, in {@link #asyncExtras()}; the methods here wait
 * for the same futures. Every extra uses this view's version. With {@code IGNORE_EXCEPTIONS} the
 * extras fail open too (ttl 0, writes false, scans empty), except {@code incr} and locks, which
 * always report errors.
 */
public class RedisCache extends BaseCache {
    /** redis-py's default pause between attempts of a blocking lock acquire. */
    public static final Duration DEFAULT_LOCK_SLEEP = Duration.ofMillis(100);
    /** {@code OPTIONS['CLOSE_CONNECTION']}: a per-request {@link #close()} disconnects (the next call reconnects). */
    public static final CacheOption<Boolean> CLOSE_CONNECTION = CacheOption.bool("CLOSE_CONNECTION", false);
    /** {@code OPTIONS['SCAN_ITERSIZE']}: the SCAN {@code COUNT} of pattern deletes and key scans (django-redis's 10). */
    public static final CacheOption<Integer> SCAN_ITERSIZE = CacheOption.integer("SCAN_ITERSIZE", 10)
            .check(n -> n >= 1, "at least 1");
    /** {@code OPTIONS['CONNECT_ON_START']}: connect when the cache is built, not on its first command. */
    public static final CacheOption<Boolean> CONNECT_ON_START = CacheOption.bool("CONNECT_ON_START", false);
    /** The options of the Redis backend itself (its client's and policies' are declared by them). */
    public static final List<CacheOption<?>> OPTIONS = List.of(CLOSE_CONNECTION, SCAN_ITERSIZE, CONNECT_ON_START);

    private static final Logger LOG = LoggerFactory.getLogger(RedisCache.class);

    private final CacheClient client;
    private final boolean closeConnection;
    private final int scanItersize;
    private final RedisAsyncExtras asyncExtras;
    private final RedisAsyncCollections asyncCollections;

    /**
     * A Redis cache from its settings ({@code LOCATION}, {@code OPTIONS}), on the registry's shared
     * Lettuce {@link ClientResources} (the user's, given to {@code Caches.builder().resource(...)},
     * or one made for the registry and shut down with it). Connections are made on first use
     * unless {@code CONNECT_ON_START}, so a server that is down at start-up does not prevent
     * building the cache.
     *
     * @throws org.cacheway.cache.CacheConfigurationException naming the alias, setting and value,
     *     for any option none of the cache's parts declares
     */
    public RedisCache(CacheSettings settings, CacheContext context) {
        this(Parts.of(settings, context));
    }

    private RedisCache(Parts parts) {
        super(parts.settings, parts.client);
        this.client = parts.client;
        this.closeConnection = CLOSE_CONNECTION.read(parts.settings);
        this.scanItersize = SCAN_ITERSIZE.read(parts.settings);
        this.asyncExtras = new RedisAsyncExtras(this);
        this.asyncCollections = new RedisAsyncCollections(this);
        if (CONNECT_ON_START.read(parts.settings)) {
            connectOnStart();
        }
    }

    private RedisCache(RedisCache cache, int version) {
        super(cache, version);
        this.client = cache.client;
        this.closeConnection = cache.closeConnection;
        this.scanItersize = cache.scanItersize;
        this.asyncExtras = new RedisAsyncExtras(this);
        this.asyncCollections = new RedisAsyncCollections(this);
    }

    /** The settings with the key scheme of the client, and the client itself. */
    private record Parts(CacheSettings settings, CacheClient client) {
        static Parts of(CacheSettings settings, CacheContext context) {
            ClientFactory factory = ClientClasses.factory(settings);
            List<CacheOption<?>> declared = new ArrayList<>(BaseCache.options(settings));
            declared.addAll(OPTIONS);
            declared.addAll(ClientClasses.options(factory));
            CacheOption.checkKnown(settings, declared, ClientClasses.IGNORED);
            ClientConfig config = ClientConfig.from(settings).withResources(context.shared(ClientResources.class,
                    DefaultClientResources::create, resources -> resources.shutdown(0, 2, TimeUnit.SECONDS)));
            CacheSettings keyed = ClusterClient.HASH_TAG_PREFIX.read(settings)
                    ? settings.toBuilder().keyFunction(new TaggedKeyFunction(settings.keyFunction())).build() : settings;
            return new Parts(keyed, ClientClasses.create(keyed, factory, config));
        }
    }

    private void connectOnStart() {
        try {
            Stages.await(client.connect());
        } catch (CacheConnectionException e) {
            if (!failOpen().ignores()) {
                client.release();
                throw e;
            }
            LOG.warn("cache '{}': CONNECT_ON_START could not connect; the first commands will try again: {}",
                    alias(), e.getMessage());
        }
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

    /** The asynchronous extras: the one implementation of every extra, as futures. */
    public RedisAsyncExtras asyncExtras() {
        return asyncExtras;
    }

    /** The asynchronous hash and set operations: the one implementation of each, as futures. */
    public RedisAsyncCollections asyncCollections() {
        return asyncCollections;
    }

    /**
     * A {@code PING} to every server this alias uses (primary and replicas, every shard), each
     * with its latency; a server that does not answer within the command timeout is reported down
     * with the reason, never thrown.
     */
    @Override
    public CacheHealth health() {
        checkOpen();
        return new CacheHealth(alias(), Stages.await(client.health()));
    }

    /** The client (the {@code CLIENT_CLASS} instance, with its policies around it) that owns the connections. */
    public CacheClient client() {
        return client;
    }

    /**
     * The near cache's counters ({@code OPTIONS['NEAR_CACHE']}: local hits and misses, evictions,
     * invalidations, flushes, size), or empty when the near cache is off.
     */
    public Optional<NearCacheStatistics> nearCacheStatistics() {
        return client.layer(NearCacheClient.class).map(NearCacheClient::statistics);
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
        return Stages.await(asyncExtras.ttl(key));
    }

    /** Milliseconds the key has left: 0 when missing, null when it never expires. */
    public Long pttl(String key) {
        return Stages.await(asyncExtras.pttl(key));
    }

    /** Gives the key {@code seconds} to live (zero or negative deletes it); whether it existed. */
    public boolean expire(String key, long seconds) {
        return Stages.await(asyncExtras.expire(key, seconds));
    }

    /** Gives the key {@code timeout} to live; whether it existed. */
    public boolean expire(String key, Duration timeout) {
        return Stages.await(asyncExtras.expire(key, timeout));
    }

    /** Gives the key {@code millis} milliseconds to live; whether it existed. */
    public boolean pexpire(String key, long millis) {
        return Stages.await(asyncExtras.pexpire(key, millis));
    }

    /** Expires the key at {@code when} (a past time deletes it); whether it existed. */
    public boolean expireAt(String key, Instant when) {
        return Stages.await(asyncExtras.expireAt(key, when));
    }

    /** Expires the key at a Unix time in seconds; whether it existed. */
    public boolean expireAt(String key, long epochSeconds) {
        return Stages.await(asyncExtras.expireAt(key, epochSeconds));
    }

    /** Expires the key at a Unix time in milliseconds; whether it existed. */
    public boolean pexpireAt(String key, long epochMillis) {
        return Stages.await(asyncExtras.pexpireAt(key, epochMillis));
    }

    /** Expires the key at {@code when}, with millisecond precision; whether it existed. */
    public boolean pexpireAt(String key, Instant when) {
        return Stages.await(asyncExtras.pexpireAt(key, when));
    }

    /** Removes the key's expiry; true when it had one, false when missing or already persistent. */
    public boolean persist(String key) {
        return Stages.await(asyncExtras.persist(key));
    }

    // ---- conditional set and counters ----------------------------------------------------

    /**
     * django-redis's {@code set(key, value, timeout, nx=, xx=)}: stores under the condition and
     * returns whether it did. A zero or negative timeout stores nothing: with {@link SetMode#NX} it
     * returns whether the key is absent (an existing key is left alone), otherwise it deletes the
     * key and returns whether one was deleted ({@link SetMode#ALWAYS} returns true, as {@code set}).
     */
    public boolean set(String key, Object value, Timeout timeout, SetMode mode) {
        return Stages.await(asyncExtras.set(key, value, timeout, mode));
    }

    /**
     * Adds {@code delta}; with {@code ignoreKeyCheck} a missing key is created holding
     * {@code delta} with no expiry (a plain {@code INCRBY}), else it is an error as {@link #incr(String, long)}.
     */
    public long incr(String key, long delta, boolean ignoreKeyCheck) {
        return Stages.await(asyncExtras.incr(key, delta, ignoreKeyCheck));
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

    /** Pattern deletes ({@link #deletePattern(String)} on either face) scan {@code SCAN_ITERSIZE} keys a page. */
    @Override
    protected CompletableFuture<Long> deleteMatching(String pattern) {
        return client.deletePattern(pattern, scanItersize);
    }

    /** {@link #deletePattern(String)}, scanning {@code itersize} at a time. */
    public long deletePattern(String glob, int itersize) {
        return Stages.await(asyncExtras.deletePattern(glob, itersize));
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
        ScanPage first = Stages.await(failOpen().recover(client.scan(pattern, itersize, false, null),
                () -> ScanPage.of(List.of(), null)));
        KeyFunction keyFunction = settings().keyFunction();
        return new ScanPages<>(first, page -> client.scan(pattern, itersize, false, page),
                page -> page.keys().stream().map(keyFunction::reverseKey).toList(), ScanPage::finished);
    }

    /** The user keys matching {@code glob}, each once (by SCAN, never the blocking KEYS). */
    public List<String> keys(String glob) {
        return Stages.await(asyncExtras.keys(glob));
    }

    // ---- hashes (django-redis 6: the name as it is, fields made keys) -----------------------

    /** Sets the field {@code key} of hash {@code name} to {@code value}; how many fields were added (0 or 1). */
    public long hset(String name, String key, Object value) {
        return Stages.await(asyncCollections.hset(name, key, value));
    }

    /** Removes the field {@code key} of hash {@code name}; how many were removed (0 or 1). */
    public long hdel(String name, String key) {
        return Stages.await(asyncCollections.hdel(name, key));
    }

    /** How many fields hash {@code name} has (0 when missing). */
    public long hlen(String name) {
        return Stages.await(asyncCollections.hlen(name));
    }

    /** The user keys of the fields of hash {@code name}, empty when missing. */
    public List<String> hkeys(String name) {
        return Stages.await(asyncCollections.hkeys(name));
    }

    /** Whether hash {@code name} has the field {@code key}. */
    public boolean hexists(String name, String key) {
        return Stages.await(asyncCollections.hexists(name, key));
    }

    /** The decoded value of the field {@code key} of hash {@code name}, null when missing. */
    public Object hget(String name, String key) {
        return Stages.await(asyncCollections.hget(name, key));
    }

    // ---- sets (made keys, members through the serializer) ----------------------------------

    /** Adds the members to the set; how many were new. */
    public long sadd(String key, Object... members) {
        return Stages.await(asyncCollections.sadd(key, members));
    }

    /** Removes the members from the set; how many were there. */
    public long srem(String key, Object... members) {
        return Stages.await(asyncCollections.srem(key, members));
    }

    /** How many members the set has (0 when missing). */
    public long scard(String key) {
        return Stages.await(asyncCollections.scard(key));
    }

    /** Whether {@code member} is in the set. */
    public boolean sismember(String key, Object member) {
        return Stages.await(asyncCollections.sismember(key, member));
    }

    /** For each member in order, whether it is in the set. */
    public List<Boolean> smismember(String key, Object... members) {
        return Stages.await(asyncCollections.smismember(key, members));
    }

    /** The decoded members, empty when missing. */
    public Set<Object> smembers(String key) {
        return Stages.await(asyncCollections.smembers(key));
    }

    /** Removes and returns one random member, or null when the set is empty. */
    public Object spop(String key) {
        return Stages.await(asyncCollections.spop(key));
    }

    /** Removes and returns up to {@code count} random members. */
    public Set<Object> spop(String key, int count) {
        return Stages.await(asyncCollections.spop(key, count));
    }

    /** One random member left in place, or null when the set is empty. */
    public Object srandmember(String key) {
        return Stages.await(asyncCollections.srandmember(key));
    }

    /** Up to {@code count} distinct random members, or {@code -count} that may repeat for a negative count. */
    public List<Object> srandmember(String key, int count) {
        return Stages.await(asyncCollections.srandmember(key, count));
    }

    /** Moves {@code member} from {@code source} to {@code destination}; whether it was in the source. */
    public boolean smove(String source, String destination, Object member) {
        return Stages.await(asyncCollections.smove(source, destination, member));
    }

    /** The members of the first set in none of the others. */
    public Set<Object> sdiff(String... keys) {
        return Stages.await(asyncCollections.sdiff(keys));
    }

    /** The members in every set. */
    public Set<Object> sinter(String... keys) {
        return Stages.await(asyncCollections.sinter(keys));
    }

    /** The members in any set. */
    public Set<Object> sunion(String... keys) {
        return Stages.await(asyncCollections.sunion(keys));
    }

    /** Stores {@link #sdiff} at {@code destination}; the size of the result. */
    public long sdiffstore(String destination, String... keys) {
        return Stages.await(asyncCollections.sdiffstore(destination, keys));
    }

    /** {@link #sdiffstore(String, String...)} with the destination and the source keys at their own versions. */
    public long sdiffstore(String destination, int versionDestination, int versionKeys, String... keys) {
        return Stages.await(asyncCollections.sdiffstore(destination, versionDestination, versionKeys, keys));
    }

    /** Stores {@link #sinter} at {@code destination}; the size of the result. */
    public long sinterstore(String destination, String... keys) {
        return Stages.await(asyncCollections.sinterstore(destination, keys));
    }

    /** Stores {@link #sunion} at {@code destination}; the size of the result. */
    public long sunionstore(String destination, String... keys) {
        return Stages.await(asyncCollections.sunionstore(destination, keys));
    }

    /** The members of one {@code SSCAN} page of {@code count} matching {@code match} (null: all), as django-redis. */
    public Set<Object> sscan(String key, String match, int count) {
        return Stages.await(asyncCollections.sscan(key, match, count));
    }

    /** Every member matching {@code match} (null: all), lazily, {@code SSCAN} page by page ({@code sscan_iter}). */
    public Iterator<Object> sscanIter(String key, String match, int count) {
        String made = makeKey(key);
        byte[] pattern = asyncCollections.scanMatch(match);
        RedisAsyncCollections.MemberPage first =
                Stages.await(asyncCollections.page(made, pattern, count, RedisAsyncCollections.FIRST_CURSOR));
        return new ScanPages<>(first, page -> asyncCollections.page(made, pattern, count, page.cursor()),
                RedisAsyncCollections.MemberPage::members, RedisAsyncCollections.MemberPage::finished);
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
        return Stages.await(asyncExtras.clearPrefix());
    }

    /** Per-request close: disconnects only with {@code CLOSE_CONNECTION} (the next call reconnects). */
    @Override
    public void close() {
        if (closeConnection && !isReleased()) {
            client.disconnect();
        }
    }

    // ---- for the asynchronous extras -----------------------------------------------------

    String madeKey(String key, int atVersion) {
        return makeKey(key, atVersion);
    }

    int scanItersize() {
        return scanItersize;
    }

    FailOpen failOpenPolicy() {
        return failOpen();
    }

    Timeout resolved(Timeout timeout) {
        return resolve(timeout);
    }

    void ensureOpen() {
        checkOpen();
    }
}
