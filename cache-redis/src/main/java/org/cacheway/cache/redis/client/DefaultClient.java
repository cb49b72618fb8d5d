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
        this(config, new Connector(config));
    }

    private DefaultClient(ClientConfig config, Connector connector) {
        super(config, connector, connector.node(config.locations().get(0)), replicas(config, connector));
    }

    private static List<Node> replicas(ClientConfig config, Connector connector) {
        List<RedisLocation> locations = config.locations();
        return locations.subList(1, locations.size()).stream().map(connector::node).toList();
    }
}
