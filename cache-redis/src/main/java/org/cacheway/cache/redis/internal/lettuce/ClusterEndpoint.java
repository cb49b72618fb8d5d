package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A whole Redis Cluster as one endpoint: Lettuce's cluster connection, which routes each command
 * to its slot's primary (splitting multi-key commands by slot, scanning and flushing every
 * primary). Connecting discovers the topology, so it is done off the caller's thread.
 */
public final class ClusterEndpoint extends LazyEndpoint<StatefulRedisClusterConnection<String, byte[]>> {
    private final SharedClient client;

    /** An endpoint over the cluster client {@code client} makes on first use; {@code seeds} are named in errors. */
    public ClusterEndpoint(List<RedisURI> seeds, Supplier<RedisClusterClient> client, Duration retryDelay,
            Duration connectTimeout, LettuceErrors errors) {
        this("cluster" + addresses(seeds), new SharedClient(client),
                new ConnectFailures("the cluster seeds " + addresses(seeds), retryDelay, connectTimeout), errors);
    }

    private ClusterEndpoint(String name, SharedClient client, ConnectFailures failures, LettuceErrors errors) {
        super(name, failures, errors);
        this.client = client;
    }

    /** Another cluster connection on the same Lettuce cluster client (one topology, one refresh). */
    @Override
    ClusterEndpoint twin() {
        return new ClusterEndpoint(name(), client, failures(), errors());
    }

    /** The Lettuce cluster client, made once on first use and shared by the endpoint's siblings. */
    private static final class SharedClient {
        private final Supplier<RedisClusterClient> factory;
        private RedisClusterClient made;

        SharedClient(Supplier<RedisClusterClient> factory) {
            this.factory = factory;
        }

        synchronized RedisClusterClient get() {
            if (made == null) {
                made = factory.get();
            }
            return made;
        }
    }

    private static List<String> addresses(List<RedisURI> seeds) {
        return seeds.stream().map(uri -> uri.getHost() + ":" + uri.getPort()).toList();
    }

    @Override
    StatefulRedisClusterConnection<String, byte[]> open() {
        return client.get().connect(LettuceConnector.CODEC);
    }

    @Override
    RedisClusterAsyncCommands<String, byte[]> commandsOf(StatefulRedisClusterConnection<String, byte[]> opened) {
        return opened.async();
    }

    /**
     * The write connections of the slots' primaries (every primary for null keys), each once:
     * Lettuce sends a slot's commands on the connection it keeps for that primary's host and port.
     */
    @Override
    public CompletableFuture<List<RedisClusterAsyncCommands<String, byte[]>>> primariesOf(List<String> keys) {
        return connect("wait", null).thenCompose(ready -> {
            StatefulRedisClusterConnection<String, byte[]> cluster = connection();
            Partitions partitions = cluster.getPartitions();
            Set<RedisURI> owners = new LinkedHashSet<>();
            if (keys == null) {
                for (RedisClusterNode node : partitions) {
                    if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.getSlots().isEmpty()) {
                        owners.add(node.getUri());
                    }
                }
            } else {
                keys.forEach(key -> owners.add(partitions.getMasterBySlot(SlotHash.getSlot(key)).getUri()));
            }
            List<CompletableFuture<RedisClusterAsyncCommands<String, byte[]>>> nodes = new ArrayList<>();
            owners.forEach(uri -> nodes.add(cluster.getConnectionAsync(uri.getHost(), uri.getPort())
                    .thenApply(node -> node.async())));
            return CompletableFuture.allOf(nodes.toArray(new CompletableFuture<?>[0]))
                    .thenApply(all -> nodes.stream().map(CompletableFuture::join).toList());
        });
    }
}
