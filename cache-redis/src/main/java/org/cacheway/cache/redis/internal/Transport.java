package org.cacheway.cache.redis.internal;

import io.lettuce.core.api.StatefulConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.SetCondition;
import org.cacheway.cache.redis.client.RedisScript;
import org.cacheway.cache.redis.client.ScanPage;

/**
 * The driver seam: the Redis commands the client layer is built from, on one target (a server, or
 * a whole cluster whose driver routes by slot), each asynchronous and with its errors already
 * translated into Cacheway's exceptions naming the alias, operation and key. The client layer
 * ({@code CommandClient}) says what each cache primitive is made of; a transport only says how a
 * driver sends a command. Lettuce's is {@code LettuceTransport}; a blocking driver could be added
 * beside it without touching semantics. No method blocks the calling thread.
 */
public interface Transport {

    /** {@code GET}: the bytes, or null. */
    CompletableFuture<byte[]> get(String key);

    /** {@code MGET}: the bytes of each key in order, null where missing. */
    CompletableFuture<List<byte[]>> mget(List<String> keys);

    /** {@code SET} ({@code PX} for a finite timeout, {@code NX}/{@code XX} for a condition); whether it stored. */
    CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition);

    /** One {@code SET [PX]} per entry, pipelined (one round trip); the keys the server refused. */
    CompletableFuture<List<String>> setPipelined(Map<String, byte[]> entries, Timeout timeout);

    /** {@code DEL} of one key; whether it existed. */
    CompletableFuture<Boolean> delete(String key);

    /** {@code DEL} of many keys; how many existed. */
    CompletableFuture<Long> delete(List<String> keys);

    /** {@code EXISTS}. */
    CompletableFuture<Boolean> exists(String key);

    /** {@code INCRBY} (a missing key counts as 0); an error reply is a {@link org.cacheway.cache.CacheValueException}. */
    CompletableFuture<Long> incrBy(String key, long delta);

    /** {@code PTTL}: -2 missing, -1 no expiry. */
    CompletableFuture<Long> pttl(String key);

    /** {@code PEXPIRE}; whether the key existed. */
    CompletableFuture<Boolean> pexpire(String key, long millis);

    /** {@code PEXPIREAT}; whether the key existed. */
    CompletableFuture<Boolean> pexpireAt(String key, long epochMillis);

    /** {@code PERSIST}; whether an expiry was removed. */
    CompletableFuture<Boolean> persist(String key);

    /** One page of {@code SCAN MATCH pattern COUNT count}, after {@code after} (null for the first). */
    CompletableFuture<ScanPage> scan(String pattern, int count, ScanPage after);

    /** Runs {@code script} by its SHA-1, sending its source when the server does not know it yet. */
    <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args);

    /** {@code HGETALL}: the hash's fields, empty when missing. */
    CompletableFuture<Map<String, byte[]>> hgetall(String key);

    /**
     * {@code WAIT replicas timeout} on the connection of each primary holding {@code keys} (every
     * primary when null); the fewest replicas any of them reached.
     */
    CompletableFuture<Long> waitForReplicas(List<String> keys, int replicas, long timeoutMillis);

    /** {@code FLUSHDB} (on every primary of a cluster). */
    CompletableFuture<Void> flushdb();

    /** Connects now if not connected (off the calling thread). */
    CompletableFuture<Void> connect();

    /** The raw connection, connecting on this thread if needed. */
    StatefulConnection<String, byte[]> connection();

    /** Closes the connection; the next command reconnects. */
    void disconnect();

    /** The target's name, for messages. */
    String name();
}
