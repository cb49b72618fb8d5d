package org.cacheway.cache.redis.client;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One Redis server as a client sees it: a name (its {@code LOCATION} entry) and ONE shared,
 * thread-safe Lettuce connection, made on first use and kept for the cache's life. Lettuce
 * reconnects it by itself after an outage; {@link #disconnect()} closes it so that the next
 * command connects again. After a failed first connect, callers fail at once for a short retry
 * delay instead of each waiting out its own connect timeout (what keeps fail-open fast when a
 * server is unreachable at start-up).
 */
public final class Node {
    private final String name;
    private final Supplier<StatefulRedisConnection<String, byte[]>> connector;
    private final long retryDelayNanos;
    private volatile long retryAfterNanos;
    private volatile RuntimeException lastFailure;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile RedisCommands<String, byte[]> sync;
    private volatile RedisAsyncCommands<String, byte[]> async;

    /**
     * A node reached through {@code connector}, which connects (a plain connect, a sentinel
     * lookup, a master/replica connection) and throws Lettuce's exception when it cannot.
     */
    public Node(String name, Supplier<StatefulRedisConnection<String, byte[]>> connector) {
        this(name, connector, Duration.ofSeconds(1));
    }

    /** A node whose callers fail fast for {@code retryDelay} after a failed connect. */
    public Node(String name, Supplier<StatefulRedisConnection<String, byte[]>> connector, Duration retryDelay) {
        this.name = Objects.requireNonNull(name, "name");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.retryDelayNanos = retryDelay.toNanos();
    }

    /** The node's name, for messages. */
    public String name() {
        return name;
    }

    /** The shared connection, connecting first if needed. */
    public StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> current = connection;
        return current != null ? current : connect();
    }

    /** The synchronous commands of the shared connection. */
    public RedisCommands<String, byte[]> sync() {
        RedisCommands<String, byte[]> current = sync;
        return current != null ? current : connect().sync();
    }

    /** The asynchronous commands of the shared connection. */
    public RedisAsyncCommands<String, byte[]> async() {
        RedisAsyncCommands<String, byte[]> current = async;
        return current != null ? current : connect().async();
    }

    private synchronized StatefulRedisConnection<String, byte[]> connect() {
        if (connection == null) {
            RuntimeException failure = lastFailure;
            if (failure != null && System.nanoTime() - retryAfterNanos < 0) {
                throw new RedisConnectionException("Not connected to " + name + "; the last attempt failed: "
                        + failure.getMessage(), failure);
            }
            StatefulRedisConnection<String, byte[]> made;
            try {
                made = connector.get();
            } catch (RuntimeException e) {
                lastFailure = e;
                retryAfterNanos = System.nanoTime() + retryDelayNanos;
                throw e;
            }
            lastFailure = null;
            async = made.async();
            sync = made.sync();
            connection = made;
        }
        return connection;
    }

    /** Whether a connection is currently held. */
    public boolean isConnected() {
        StatefulRedisConnection<String, byte[]> current = connection;
        return current != null && current.isOpen();
    }

    /** Closes the connection, if any; the next command reconnects. */
    public synchronized void disconnect() {
        StatefulRedisConnection<String, byte[]> current = connection;
        connection = null;
        sync = null;
        async = null;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return "Node{" + name + (connection != null ? ", connected" : "") + "}";
    }
}
