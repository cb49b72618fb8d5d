package org.cacheway.cache.redis.client;

import org.cacheway.cache.redis.internal.HashRing;
import org.cacheway.cache.redis.location.RedisLocation;

/**
 * django-redis's {@code ShardClient} ({@code CLIENT_CLASS = "django_redis.client.ShardClient"}):
 * every {@code LOCATION} entry is an independent server with one shared connection, and each made
 * key lives on the server django-redis's hash ring picks (the entry's text as written is the node
 * name; a {@code {tag}} in the key places it by the tag), so a Django app and a Java app sharing
 * the servers agree on placement.
 *
 * <p>Unlike django-redis, many-key operations are grouped by server and run as one command (MGET,
 * DEL) or one pipeline (SET PX per key) per server, all servers in parallel; {@code iterKeys} works
 * (every server is scanned in turn), and {@code getMany} returns stored nulls like the default
 * client. Raw connections are not offered (there is no single server).
 */
public final class ShardClient extends RoutingClient {
    private final HashRing ring;

    /** A client over the servers of {@code config}; nothing connects until first use. */
    public ShardClient(ClientConfig config) {
        super(config.servers().stream().map(location -> DefaultClient.single(config, location)).toList());
        this.ring = new HashRing(config.servers().stream().map(RedisLocation::raw).toList());
    }

    /** The ring that places keys. */
    HashRing ring() {
        return ring;
    }

    /** The server index django-redis's ring gives the made key. */
    @Override
    protected int nodeFor(String key) {
        return ring.nodeIndex(key);
    }
}
