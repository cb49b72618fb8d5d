package org.cacheway.cache.redis.client;

import java.util.List;
import org.cacheway.cache.redis.location.RedisLocation;

/**
 * django-redis's {@code DefaultClient}: the first {@code LOCATION} entry is the primary, which
 * takes every write; the others are read replicas, which take get, getMany, hasKey, ttl, pttl and
 * key scans in turn, falling back to the primary when a replica fails (django-redis does not fall
 * back). Each server has ONE shared Lettuce connection, made on first use.
 */
public class DefaultClient extends NodeClient {

    /** A client over the locations of {@code config}. */
    public DefaultClient(ClientConfig config) {
        this(config, new Connector(config), config.locations());
    }

    /**
     * A client over {@code locations} (the first is the primary), connecting through a
     * {@code connector} that may be shared with other clients; for subclasses and routing clients.
     */
    protected DefaultClient(ClientConfig config, Connector connector, List<RedisLocation> locations) {
        super(config, connector, connector.node(locations.get(0)),
                locations.subList(1, locations.size()).stream().map(connector::node).toList());
    }

    /**
     * A client for one server of a routing client (a shard), sharing {@code connector} with the
     * other shards; releasing any of them shuts the shared connector down, so release them together.
     */
    public static DefaultClient single(ClientConfig config, Connector connector, RedisLocation location) {
        return new DefaultClient(config, connector, List.of(location));
    }
}
