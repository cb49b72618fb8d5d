package org.cacheway.cache.redis.client;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.CacheStore;
import org.cacheway.cache.redis.SetMode;

/**
 * The client SPI behind {@code OPTIONS['CLIENT_CLASS']}, django-redis's client classes on Lettuce:
 * a client owns its connections and implements the byte-level {@link CacheStore} primitives plus
 * those of the Redis extras (expiry, conditional set, counters, scans, locks, raw access). Keys
 * are made keys, values encoded bytes; {@code RedisCache} keeps all the semantics.
 *
 * <p><b>Plugging in a client class.</b> Implement this interface in a public class with a public
 * constructor taking a {@link ClientConfig} (which holds the parsed {@code LOCATION} entries and
 * connection options) and name it in {@code CLIENT_CLASS}, or add a Django-style alias to
 * {@link CacheClients#ALIASES}. Options the class reads beyond {@link ClientConfig#KNOWN_OPTIONS}
 * (such as {@code SENTINELS}) are declared by {@link #options()} so they are not rejected as typos:
 * {@link CacheClients} checks the option names after construction and releases the client when
 * one is unknown, so constructors must not connect (connections are made lazily on first use).
 *
 * <p><b>Which base to extend.</b> A client whose commands all run on one Redis server at a time
 * (default, herd, sentinel) extends {@link NodeClient}, which implements every primitive over a
 * primary {@link Node} and optional read replicas; it only says how to build its nodes and may
 * override a primitive (herd wraps values and pads TTLs in get/set/add/setMany/getMany/pttl). A
 * sentinel client builds its {@link Node}s with a connector supplier that resolves the master
 * through Lettuce's sentinel URI ({@code connector.lettuce().connect(Connector.CODEC, uri)}). A
 * client that spreads keys over several servers (shard) extends {@link RoutingClient}, which
 * groups many-key operations by node and fans whole-database operations out; it only says which
 * node owns a key ({@link RoutingClient#nodeFor}) and builds one {@link DefaultClient#single} per
 * server on one shared {@link Connector}. A client over Lettuce's cluster support implements
 * this interface directly on a {@code RedisClusterClient} made from {@link Connector#resources()}
 * and {@link Connector#options()}, reusing {@link LettuceErrors} and {@link Script}.
 *
 * <p><b>Errors.</b> Connection problems surface as
 * {@link org.cacheway.cache.CacheConnectionException} (timeouts as
 * {@link org.cacheway.cache.CacheTimeoutException}) naming the alias, operation and key, which
 * {@link LettuceErrors} produces from Lettuce's exceptions; the cache applies fail-open to them.
 * Asynchronous primitives complete exceptionally with the same types instead of throwing.
 */
public interface CacheClient extends CacheStore {

    /** The option names this client reads beyond {@link ClientConfig#KNOWN_OPTIONS}; none by default. */
    default Set<String> options() {
        return Set.of();
    }

    /**
     * {@code SET} with a condition: stores only when the key is absent ({@link SetMode#NX}) or
     * present ({@link SetMode#XX}), or always ({@link SetMode#ALWAYS}).
     *
     * @param timeout {@link Timeout#NEVER} or a positive finite timeout
     * @return whether the value was stored
     */
    boolean set(String key, byte[] value, Timeout timeout, SetMode mode);

    /** {@code SET XX}: atomic and one round trip, through the client's own conditional set. */
    @Override
    default boolean replace(String key, byte[] value, Timeout timeout) {
        return set(key, value, timeout, SetMode.XX);
    }

    /** Asynchronous {@link #set(String, byte[], Timeout, SetMode)}. */
    CompletableFuture<Boolean> setAsync(String key, byte[] value, Timeout timeout, SetMode mode);

    /** {@code SET NX}, with its expiry in the same command. */
    @Override
    default boolean add(String key, byte[] value, Timeout timeout) {
        return set(key, value, timeout, SetMode.NX);
    }

    /** Asynchronous unconditional {@code SET}. */
    @Override
    default CompletableFuture<Void> setAsync(String key, byte[] value, Timeout timeout) {
        return setAsync(key, value, timeout, SetMode.ALWAYS).thenApply(stored -> null);
    }

    /** Asynchronous {@code SET NX}. */
    @Override
    default CompletableFuture<Boolean> addAsync(String key, byte[] value, Timeout timeout) {
        return setAsync(key, value, timeout, SetMode.NX);
    }

    /** Asynchronous {@code SET XX}. */
    @Override
    default CompletableFuture<Boolean> replaceAsync(String key, byte[] value, Timeout timeout) {
        return setAsync(key, value, timeout, SetMode.XX);
    }

    /**
     * {@code INCRBY} without the existence check: a missing key is created holding {@code delta},
     * with no expiry.
     *
     * @throws org.cacheway.cache.CacheValueException when the value is not an integer or would overflow
     */
    long incrByCreating(String key, long delta);

    /** Asynchronous {@link #incrByCreating(String, long)}. */
    CompletableFuture<Long> incrByCreatingAsync(String key, long delta);

    /** {@code PEXPIRE}: gives the key {@code millis} to live (zero or negative deletes it); whether it existed. */
    boolean pexpire(String key, long millis);

    /** Asynchronous {@link #pexpire(String, long)}. */
    CompletableFuture<Boolean> pexpireAsync(String key, long millis);

    /** {@code PEXPIREAT}: expires the key at a Unix time in milliseconds; whether it existed. */
    boolean pexpireAt(String key, long epochMillis);

    /** Asynchronous {@link #pexpireAt(String, long)}. */
    CompletableFuture<Boolean> pexpireAtAsync(String key, long epochMillis);

    /** {@code PERSIST}: whether an expiry was removed (false when missing or already persistent). */
    boolean persist(String key);

    /** Asynchronous {@link #persist(String)}. */
    CompletableFuture<Boolean> persistAsync(String key);

    /**
     * A lazy iteration over {@code SCAN MATCH pattern COUNT count} (never {@code KEYS}); the made
     * keys found, each at most once per server (Redis may repeat a key across pages: callers that
     * need uniqueness dedupe).
     *
     * @param write true to scan the primary (before deleting), false to allow a read replica
     */
    Iterator<String> scan(String pattern, int count, boolean write);

    /**
     * Deletes every key matching {@code pattern}, scanning with {@code count} and deleting in
     * batches of that size; returns how many were deleted.
     */
    long deletePattern(String pattern, int count);

    /**
     * Lock acquisition: {@code SET key token NX [PX millis]}.
     *
     * @param timeout {@link Timeout#NEVER} for a lock that never expires
     * @return whether the lock was taken
     */
    boolean lockAcquire(String key, byte[] token, Timeout timeout);

    /** Lock release, atomic: deletes the key only if it still holds {@code token}; whether it did. */
    boolean lockRelease(String key, byte[] token);

    /**
     * Lock extension, atomic and only by the holder: adds {@code millis} to the time left, or sets
     * it when {@code replace}; false when the token no longer matches or the lock has no expiry.
     */
    boolean lockExtend(String key, byte[] token, long millis, boolean replace);

    /** The bytes at {@code key} read from the primary (for lock ownership checks). */
    byte[] getFromPrimary(String key);

    /**
     * The raw Lettuce connection: the primary's for {@code write}, else a read replica's (the
     * primary's when there is none).
     *
     * @throws UnsupportedOperationException for clients that spread keys over several servers
     */
    StatefulRedisConnection<String, byte[]> connection(boolean write);

    /** Closes the connections; the next command reconnects. For {@code CLOSE_CONNECTION}. */
    void disconnect();
}
