package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link LettuceTransport} sends its commands to: one lazily made, shared, thread-safe
 * Lettuce connection, to one server (standalone, sentinel-found, master/replica) or to a whole
 * Redis Cluster. Both kinds give Lettuce's shared command interface,
 * {@link RedisClusterAsyncCommands}, so the command layer is written once for node and cluster.
 */
public interface Endpoint {

    /** The connected commands, or null when there is no connection yet (the caller then {@link #connect}s). */
    RedisClusterAsyncCommands<String, byte[]> commands();

    /**
     * Connects when needed, never blocking the calling thread (which may be one of Lettuce's I/O
     * threads); completes once {@link #commands()} is non-null, or fails with a translated error
     * naming {@code operation} and {@code key}.
     */
    CompletableFuture<RedisClusterAsyncCommands<String, byte[]>> connect(String operation, String key);

    /**
     * The connections of the primaries that hold {@code keys} (every primary when null), as used
     * for writes: {@code WAIT} must be sent on the connection that took the write.
     */
    CompletableFuture<List<RedisClusterAsyncCommands<String, byte[]>>> primariesOf(List<String> keys);

    /**
     * Another endpoint to the same target with a connection of its own, made on first use: where
     * reads go while a {@code WAIT} holds this endpoint's connection.
     */
    Endpoint sibling();

    /** The raw connection, connecting on this thread if needed (Lettuce's exception when it cannot). */
    StatefulConnection<String, byte[]> connection();

    /** Closes the connection, if any; the next command reconnects. */
    void disconnect();

    /** The endpoint's name, as its {@code LOCATION} entry says it (password masked). */
    String name();
}
