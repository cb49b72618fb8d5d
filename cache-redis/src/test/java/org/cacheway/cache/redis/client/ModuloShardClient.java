package org.cacheway.cache.redis.client;

import java.util.List;

/**
 * A test client class built on the routing SPI the way a ShardClient is: one single-node client per
 * LOCATION entry on the registry's shared resources, keys placed by their hash (of their first
 * non-empty {@code {tag}} when they have one, as Redis and django-redis do) modulo the node count.
 */
public class ModuloShardClient extends RoutingClient {

    /** One shard per LOCATION entry. */
    public ModuloShardClient(ClientConfig config) {
        super(shards(config));
    }

    private static List<DefaultClient> shards(ClientConfig config) {
        return config.locations().stream().map(location -> DefaultClient.single(config, location)).toList();
    }

    @Override
    protected int nodeFor(String key) {
        int open = key.indexOf('{');
        int close = open < 0 ? -1 : key.indexOf('}', open + 1);
        String placed = close > open + 1 ? key.substring(open + 1, close) : key;
        return Math.floorMod(placed.hashCode(), nodes().size());
    }
}
