package org.cacheway.cache.redis.client;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.redis.CrossSlotException;
import org.cacheway.cache.redis.internal.lettuce.ClusterEndpoint;
import org.cacheway.cache.redis.internal.lettuce.LettuceConnector;
import org.cacheway.cache.redis.internal.lettuce.LettuceTransport;
import org.cacheway.cache.redis.location.RedisLocation;

/**
 * Redis Cluster ({@code CLIENT_CLASS = "django_redis.client.ClusterClient"} or this class's name)
 * through Lettuce's cluster client, on the same command layer as the other clients:
 * {@code LOCATION} lists seed nodes (database 0 only), keys go to their slot's primary, and the
 * topology is refreshed every {@code CLUSTER_REFRESH_PERIOD} seconds (default 10) and at once on
 * MOVED/ASK redirects, persistent reconnects and unknown nodes, so a failover is followed without
 * a restart.
 *
 * <p>MGET and DEL are split by slot by Lettuce (one command per slot group, reassembled in
 * order); {@code setMany} pipelines one {@code SET PX} per key; FLUSHDB and SCAN cover every
 * primary. Scripts (counters, locks, herd) are routed by their first key; {@code WAIT} goes to the
 * connection of each primary that took the write. {@code HASH_TAG_PREFIX = true} makes the cache's
 * key scheme store the prefix as a hash tag ({@code {myapp}:1:k}), so all its keys share one slot.
 * Raw access is {@link #clusterConnection()} (there is no single-node connection).
 */
public final class ClusterClient extends CommandClient {
    /** {@code OPTIONS['HASH_TAG_PREFIX']}: put every key of the cache in the slot of its KEY_PREFIX. */
    public static final CacheOption<Boolean> HASH_TAG_PREFIX = CacheOption.bool("HASH_TAG_PREFIX", false);
    /** {@code OPTIONS['CLUSTER_REFRESH_PERIOD']}: seconds between periodic topology refreshes. */
    public static final CacheOption<Duration> CLUSTER_REFRESH_PERIOD =
            CacheOption.seconds("CLUSTER_REFRESH_PERIOD", Duration.ofSeconds(10));
    /** The options this client reads. */
    public static final List<CacheOption<?>> OPTIONS = List.of(HASH_TAG_PREFIX, CLUSTER_REFRESH_PERIOD);

    private final ClusterEndpoint cluster;

    /** A client over the seed nodes of {@code config}; nothing connects until first use. */
    public ClusterClient(ClientConfig config) {
        this(new LettuceConnector(config), seeds(config), CLUSTER_REFRESH_PERIOD.read(config.settings()));
    }

    private ClusterClient(LettuceConnector connector, List<RedisLocation> seeds, Duration refreshPeriod) {
        this(connector, connector.cluster(seeds, refreshPeriod));
    }

    private ClusterClient(LettuceConnector connector, ClusterEndpoint cluster) {
        super(new LettuceTransport(cluster, connector), List.of(), connector::shutdown);
        this.cluster = cluster;
    }

    private static List<RedisLocation> seeds(ClientConfig config) {
        for (RedisLocation location : config.servers()) {
            if (location.database() != 0) {
                throw CacheConfigurationException.of(config.alias(), "LOCATION", location.raw(),
                        "Redis Cluster has only database 0");
            }
        }
        if (HASH_TAG_PREFIX.read(config.settings()) && config.settings().keyPrefix().isEmpty()) {
            throw config.settings().options().error(HASH_TAG_PREFIX.name(), true,
                    "needs a non-empty KEY_PREFIX to use as the hash tag");
        }
        return config.servers();
    }

    /** The shared cluster connection, connecting (and discovering the topology) on first use. */
    public StatefulRedisClusterConnection<String, byte[]> clusterConnection() {
        return cluster.connection();
    }

    /** Not offered: keys live on several primaries; {@link #clusterConnection()} is the raw access. */
    @Override
    public StatefulRedisConnection<String, byte[]> connection(boolean write) {
        throw new UnsupportedOperationException("ClusterClient spreads keys over the cluster's primaries; "
                + "use ClusterClient.clusterConnection() for raw access");
    }

    /**
     * Scripts run on the slot of {@code keys[0]}; keys in other slots fail the future with
     * {@link CrossSlotException} naming them (Redis's {@code CROSSSLOT}, said before sending).
     */
    @Override
    public <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args) {
        int slot = SlotHash.getSlot(keys[0]);
        for (String key : keys) {
            if (SlotHash.getSlot(key) != slot) {
                return CompletableFuture.failedFuture(CrossSlotException.slots(script.name(), List.of(keys)));
            }
        }
        return super.eval(script, keys, args);
    }

    /** True: keys live in the cluster's slots (a hash tag keeps keys in one slot). */
    @Override
    public boolean spreadsKeys() {
        return true;
    }

    /** {@code key + suffix}, hash-tagged when needed so that both keys share {@code key}'s slot. */
    @Override
    public String companionKey(String key, String suffix) {
        String plain = key + suffix;
        String tagged = "{" + key + "}" + suffix;
        int slot = SlotHash.getSlot(key);
        return SlotHash.getSlot(plain) == slot || SlotHash.getSlot(tagged) != slot ? plain : tagged;
    }
}
