package org.cacheway.cache.redis.client;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.cacheway.cache.CacheHealth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.CacheStore;

/**
 * The client SPI behind {@code OPTIONS['CLIENT_CLASS']}, django-redis's client classes on Lettuce:
 * a client owns its connections and implements the byte-level {@link CacheStore} primitives plus
 * those of the Redis extras (expiry, creating incr, scans, locks, scripts, replica waits, raw
 * access). Every primitive is declared once, asynchronous: keys are made keys, values encoded
 * bytes, and {@code RedisCache} keeps all the semantics, its synchronous face awaiting the same
 * futures. No method blocks the calling thread (it may be one of Lettuce's I/O threads);
 * failures complete the future with {@link org.cacheway.cache.CacheConnectionException} (timeouts
 * {@link org.cacheway.cache.CacheTimeoutException}) naming the alias, operation and key.
 *
 * <p><b>Plugging in a client class.</b> Implement this interface in a public class with a public
 * constructor taking a {@link ClientConfig} (the parsed {@code LOCATION}, connection options and
 * shared Lettuce resources) and name it in {@code CLIENT_CLASS}, or register a name for it
 * through {@link ClientClasses#CLIENT_CLASS}. Constructors must not connect (connections are made on
 * first use, or by {@link #connect()} for {@code CONNECT_ON_START}). To spread keys over servers,
 * extend {@link RoutingClient} over {@link DefaultClient#single}s; to change what a client does
 * around each primitive, extend {@link ForwardingClient}. Policies such as herd and replica wait
 * are decorators that the cache puts around any client class.
 */
public interface CacheClient extends CacheStore {

    /**
     * {@link CacheStore#fill}, except that a fill with an expired timeout (a {@code getOrSet} with
     * timeout 0) stores nothing and answers the loaded bytes, as Django's add of an expired value.
     */
    @Override
    default CompletableFuture<byte[]> fill(String key, Supplier<CompletableFuture<byte[]>> loader, Timeout timeout) {
        return timeout.isExpired() ? loader.get() : CacheStore.super.fill(key, loader, timeout);
    }

    /**
     * {@code INCRBY} without the existence check: a missing key is created holding {@code delta},
     * with no expiry; completes with {@link org.cacheway.cache.CacheValueException} when the
     * value is not an integer or would overflow.
     */
    CompletableFuture<Long> incrByCreating(String key, long delta);

    /** {@code PEXPIRE}: gives the key {@code millis} to live (zero or negative deletes it); whether it existed. */
    CompletableFuture<Boolean> pexpire(String key, long millis);

    /** {@code PEXPIREAT}: expires the key at a Unix time in milliseconds; whether it existed. */
    CompletableFuture<Boolean> pexpireAt(String key, long epochMillis);

    /** {@code PERSIST}: whether an expiry was removed (false when missing or already persistent). */
    CompletableFuture<Boolean> persist(String key);

    /**
     * One page of {@code SCAN MATCH pattern COUNT count} (never {@code KEYS}) over every server
     * the client spreads keys on: pass null for the first page, then the page before.
     *
     * @param write true to scan primaries (before deleting), false to allow read replicas
     */
    CompletableFuture<ScanPage> scan(String pattern, int count, boolean write, ScanPage after);

    /** Deletes every key matching {@code pattern}, a page of {@code count} at a time; how many were deleted. */
    CompletableFuture<Long> deletePattern(String pattern, int count);

    /**
     * {@link #deletePattern} with Redis's own {@code SCAN} count (10); {@code RedisCache} sends its
     * {@code SCAN_ITERSIZE} instead.
     */
    @Override
    default CompletableFuture<Long> deleteMatching(String pattern) {
        return deletePattern(pattern, 10);
    }

    /**
     * Lock acquisition: {@code SET key token NX [PX millis]}, the token stored as it is.
     *
     * @param timeout {@link Timeout#NEVER} for a lock that never expires
     */
    CompletableFuture<Boolean> lockAcquire(String key, byte[] token, Timeout timeout);

    /** Lock release, atomic: deletes the key only if it still holds {@code token}; whether it did. */
    CompletableFuture<Boolean> lockRelease(String key, byte[] token);

    /**
     * Lock extension, atomic and only by the holder: adds {@code millis} to the time left, or sets
     * it when {@code replace}; false when the token no longer matches or the lock has no expiry.
     */
    CompletableFuture<Boolean> lockExtend(String key, byte[] token, long millis, boolean replace);

    /** The bytes at {@code key} read from its primary (for lock ownership checks). */
    CompletableFuture<byte[]> getFromPrimary(String key);

    /**
     * Runs {@code script} on the server (cluster slot) of {@code keys[0]}, every key on that
     * server; its reply as the script's output type says.
     */
    <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args);

    /** {@code HGETALL} on the primary of {@code key}: the hash's fields, empty when missing. */
    CompletableFuture<Map<String, byte[]>> hashGetAll(String key);

    /**
     * {@code WAIT replicas timeoutMillis} on the connection of each primary that holds
     * {@code keys} (every primary when null), which must be the connection that took the writes;
     * the fewest replicas that acknowledged them.
     */
    CompletableFuture<Long> waitForReplicas(List<String> keys, int replicas, long timeoutMillis);

    /**
     * A key that lives beside {@code key}, on the same server and cluster slot, so a script may
     * touch both (policies keep state there, such as herd's claims). {@code key + suffix} by default.
     */
    default String companionKey(String key, String suffix) {
        return key + suffix;
    }

    /**
     * Whether keys live on several servers or cluster slots (the shard and cluster clients), so
     * that the keys one script touches must share a hash tag ({@code {tag}}) to be on one server
     * and in one slot. False by default: one primary holds every key.
     */
    default boolean spreadsKeys() {
        return false;
    }

    /**
     * The raw Lettuce connection: the primary's for {@code write}, else a read replica's (the
     * primary's when there is none).
     *
     * @throws UnsupportedOperationException for clients that spread keys over several servers
     */
    StatefulRedisConnection<String, byte[]> connection(boolean write);

    /**
     * The layer of {@code type} in this client: this client itself, or for a policy around another
     * client (a {@link ForwardingClient}) the first such layer inward; empty when there is none.
     * {@code cache.client().layer(ClusterClient.class)} reaches the client class under any policy.
     */
    default <T> Optional<T> layer(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /** Connects every server now ({@code CONNECT_ON_START}); completes once connected. */
    CompletableFuture<Void> connect();

    /**
     * A {@code PING} to every server the client uses, each timed; never fails: a server that did
     * not answer is reported down with the reason.
     */
    CompletableFuture<List<CacheHealth.NodeHealth>> health();

    /** Closes the connections; the next command reconnects. For {@code CLOSE_CONNECTION}. */
    void disconnect();
}
