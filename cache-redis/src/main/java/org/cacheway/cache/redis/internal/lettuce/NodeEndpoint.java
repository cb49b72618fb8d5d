package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** One Redis server (standalone, found through Sentinel, or a Lettuce master/replica connection). */
public final class NodeEndpoint extends LazyEndpoint<StatefulRedisConnection<String, byte[]>> {
    private final Supplier<StatefulRedisConnection<String, byte[]>> connector;

    /**
     * A node reached through {@code connector} (a plain connect, a sentinel lookup, a
     * master/replica connection), which throws Lettuce's exception when it cannot.
     *
     * @param address what connect errors name: host and port, socket path or sentinel service
     */
    public NodeEndpoint(String name, String address, Supplier<StatefulRedisConnection<String, byte[]>> connector,
            Duration retryDelay, Duration connectTimeout, LettuceErrors errors) {
        this(name, connector, new ConnectFailures(address, retryDelay, connectTimeout), errors);
    }

    private NodeEndpoint(String name, Supplier<StatefulRedisConnection<String, byte[]>> connector,
            ConnectFailures failures, LettuceErrors errors) {
        super(name, failures, errors);
        this.connector = Objects.requireNonNull(connector, "connector");
    }

    @Override
    NodeEndpoint twin() {
        return new NodeEndpoint(name(), connector, failures(), errors());
    }

    @Override
    StatefulRedisConnection<String, byte[]> open() {
        return connector.get();
    }

    @Override
    RedisClusterAsyncCommands<String, byte[]> commandsOf(StatefulRedisConnection<String, byte[]> opened) {
        return opened.async();
    }

    /** This node's own connection: it took every write sent here. */
    @Override
    public CompletableFuture<List<RedisClusterAsyncCommands<String, byte[]>>> primariesOf(List<String> keys) {
        return connect("wait", null).thenApply(List::of);
    }
}
