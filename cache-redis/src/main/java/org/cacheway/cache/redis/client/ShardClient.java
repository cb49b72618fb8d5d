package org.cacheway.cache.redis.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.client.shard.HashRing;
import org.cacheway.cache.redis.location.RedisLocation;

/**
 * django-redis's {@code ShardClient} ({@code CLIENT_CLASS = "django_redis.client.ShardClient"}):
 * every {@code LOCATION} entry is an independent server with one shared connection, and each made
 * key lives on the server django-redis's {@link HashRing} picks (the entry's text as written is
 * the node name; a {@code {tag}} in the key places it by the tag), so a Django app and a Java app
 * sharing the servers agree on placement.
 *
 * <p>Unlike django-redis, many-key operations are grouped by server and run as one command (MGET,
 * DEL) or one pipeline (SET PX per key) per server, all servers in parallel; {@code iterKeys} works
 * (every server is scanned in turn), and {@code getMany} returns stored nulls like the default
 * client. Raw connections are not offered (there is no single server).
 */
public class ShardClient extends RoutingClient {
    private final HashRing ring;
    private final LettuceErrors errors;
    private final Duration timeout;

    /** A client over the servers of {@code config}; nothing connects until first use. */
    public ShardClient(ClientConfig config) {
        this(config, new Connector(config));
    }

    private ShardClient(ClientConfig config, Connector connector) {
        super(config.locations().stream().map(location -> DefaultClient.single(config, connector, location)).toList());
        this.ring = new HashRing(config.locations().stream().map(RedisLocation::raw).toList());
        this.errors = new LettuceErrors(config.alias());
        this.timeout = config.socketTimeout();
    }

    /** The ring that places keys. */
    public HashRing ring() {
        return ring;
    }

    @Override
    protected int nodeFor(String key) {
        return ring.nodeIndex(key);
    }

    /** One MGET per server, in parallel. */
    @Override
    public List<byte[]> getMany(List<String> keys) {
        return await(getManyAsync(keys), "getMany");
    }

    /** One pipeline of SET per server, in parallel; the keys a server refused. */
    @Override
    public List<String> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return await(setManyAsync(entries, timeout), "setMany");
    }

    /** One DEL per server, in parallel. */
    @Override
    public long deleteMany(List<String> keys) {
        return await(deleteManyAsync(keys), "deleteMany");
    }

    /** FLUSHDB on every server, in parallel. */
    @Override
    public void clear() {
        await(clearAsync(), "clear");
    }

    private <T> T await(CompletableFuture<T> reply, String operation) {
        return Replies.await(reply, timeout, errors, operation);
    }
}
