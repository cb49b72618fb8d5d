package org.cacheway.cache.redis.client;

import java.util.List;
import org.cacheway.cache.redis.internal.Transport;
import org.cacheway.cache.redis.internal.lettuce.LettuceConnector;
import org.cacheway.cache.redis.internal.lettuce.LettuceTransport;
import org.cacheway.cache.redis.location.RedisLocation;

/**
 * django-redis's {@code DefaultClient}: the first {@code LOCATION} entry is the primary, which
 * takes every write; the others are read replicas, which take get, getMany, hasKey, ttl, pttl and
 * key scans in turn, falling back to the primary when a replica fails (django-redis does not fall
 * back). Each server has ONE shared Lettuce connection, made on first use.
 */
public final class DefaultClient extends CommandClient {

    /** A client over the locations of {@code config}. */
    public DefaultClient(ClientConfig config) {
        this(new LettuceConnector(config), config.servers());
    }

    private DefaultClient(LettuceConnector connector, List<RedisLocation> locations) {
        super(transport(connector, locations.get(0)),
                locations.subList(1, locations.size()).stream().map(location -> transport(connector, location))
                        .toList(), connector::shutdown);
    }

    private static Transport transport(LettuceConnector connector, RedisLocation location) {
        return new LettuceTransport(connector.node(location), connector);
    }

    /** A client for one server of {@code config}, such as one shard of a {@link RoutingClient}. */
    public static DefaultClient single(ClientConfig config, RedisLocation location) {
        return new DefaultClient(new LettuceConnector(config), List.of(location));
    }
}
