package org.cacheway.cache.redis.client;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.Futures;
import org.cacheway.cache.redis.SetMode;
import org.cacheway.cache.redis.client.cluster.PrefixTag;
import org.cacheway.cache.redis.location.RedisLocation;

/**
 * Redis Cluster ({@code CLIENT_CLASS = "django_redis.client.ClusterClient"} or this class's name)
 * through Lettuce's {@link RedisClusterClient}: {@code LOCATION} lists seed nodes (database 0
 * only), keys go to their slot's primary, and the topology is refreshed every
 * {@code CLUSTER_REFRESH_PERIOD} seconds (default 10) and at once on MOVED/ASK redirects,
 * persistent reconnects and unknown nodes, so a failover is followed without a restart.
 *
 * <p>Many-key operations: MGET and DEL are split by slot by Lettuce (one command per slot group,
 * reassembled in order); {@code setMany} pipelines one {@code SET PX} per key. Whole-database
 * operations cover every primary: FLUSHDB on all, and a cluster-wide SCAN. Counters and locks are
 * single-key scripts, so slot routing is enough; every command goes to the slot's primary.
 * {@code HASH_TAG_PREFIX = true} stores the prefix as a hash tag ({@link PrefixTag}). Raw access is {@link #clusterConnection()} (there is no single-node
 * connection).
 */
public class ClusterClient implements CacheClient {
    /** {@code OPTIONS['HASH_TAG_PREFIX']}: put every key of the cache in the slot of its KEY_PREFIX. */
    public static final String HASH_TAG_PREFIX = "HASH_TAG_PREFIX";
    /** {@code OPTIONS['CLUSTER_REFRESH_PERIOD']}: seconds between periodic topology refreshes. */
    public static final String CLUSTER_REFRESH_PERIOD = "CLUSTER_REFRESH_PERIOD";

    private final ClientConfig config;
    private final Connector connector;
    private final LettuceErrors errors;
    private final List<RedisURI> seeds;
    private final PrefixTag tag;
    private final Duration refreshPeriod;
    private RedisClusterClient cluster;
    private volatile StatefulRedisClusterConnection<String, byte[]> connection;
    private volatile ClusterAsync async;

    /** A client over the seed nodes of {@code config}; nothing connects until first use. */
    public ClusterClient(ClientConfig config) {
        this.config = config;
        this.connector = new Connector(config);
        this.errors = new LettuceErrors(config.alias());
        CacheSettings settings = config.settings();
        CacheSettings.Options options = settings.options();
        for (RedisLocation location : config.locations()) {
            if (location.database() != 0) {
                throw CacheConfigurationException.of(config.alias(), "LOCATION", location.raw(),
                        "Redis Cluster has only database 0");
            }
        }
        this.seeds = config.locations().stream().map(connector::uri).toList();
        boolean tagged = options.bool(HASH_TAG_PREFIX, false);
        if (tagged && settings.keyPrefix().isEmpty()) {
            throw options.error(HASH_TAG_PREFIX, true, "needs a non-empty KEY_PREFIX to use as the hash tag");
        }
        this.tag = PrefixTag.of(tagged, settings.keyPrefix());
        double period = options.number(CLUSTER_REFRESH_PERIOD, 10);
        if (!(period > 0)) {
            throw options.error(CLUSTER_REFRESH_PERIOD, options.get(CLUSTER_REFRESH_PERIOD), "expected seconds > 0");
        }
        this.refreshPeriod = Duration.ofMillis((long) (period * 1000));
    }

    @Override
    public Set<String> options() {
        return Set.of(HASH_TAG_PREFIX, CLUSTER_REFRESH_PERIOD);
    }

    /** The shared cluster connection, connecting (and discovering the topology) on first use. */
    public StatefulRedisClusterConnection<String, byte[]> clusterConnection() {
        StatefulRedisClusterConnection<String, byte[]> current = connection;
        return current != null ? current : connect();
    }

    private synchronized StatefulRedisClusterConnection<String, byte[]> connect() {
        if (connection == null) {
            if (cluster == null) {
                cluster = RedisClusterClient.create(connector.resources(), seeds);
                // Lettuce connects to each node lazily and REJECT_COMMANDS rejects commands waiting for
                // that first connection, so cluster commands are queued while (re)connecting and
                // bounded by SOCKET_TIMEOUT instead
                cluster.setOptions(ClusterClientOptions.builder(connector.options())
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                        .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                                .enablePeriodicRefresh(refreshPeriod)
                                .enableAllAdaptiveRefreshTriggers()
                                .refreshTriggersReconnectAttempts(3)
                                .adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
                                .build())
                        .build());
            }
            StatefulRedisClusterConnection<String, byte[]> made = cluster.connect(Connector.CODEC);
            async = new ClusterAsync(made.async(), errors, tag);
            connection = made;
        }
        return connection;
    }

    private RedisAdvancedClusterCommands<String, byte[]> sync() {
        return clusterConnection().sync();
    }

    /**
     * Runs an asynchronous command on the cluster connection. Before the first connection exists,
     * connecting (which blocks while it discovers the topology) happens on the common pool, never
     * on the caller's thread, which may be one of Lettuce's I/O threads completing an earlier
     * command; a failure to connect completes the future exceptionally, translated.
     */
    private <T> CompletableFuture<T> dispatch(Function<ClusterAsync, CompletableFuture<T>> command) {
        ClusterAsync current = async;
        if (current != null) {
            return command.apply(current);
        }
        return CompletableFuture.supplyAsync(() -> {
            clusterConnection();
            return async;
        }).handle((connected, error) -> error == null ? command.apply(connected)
                : errors.<T>failed(Futures.unwrap(error), "connect", null)).thenCompose(future -> future);
    }

    private <T> T call(String operation, String key, Function<RedisAdvancedClusterCommands<String, byte[]>, T> command) {
        try {
            return command.apply(sync());
        } catch (RuntimeException e) {
            throw errors.translate(e, operation, key);
        }
    }

    // ---- CacheStore ----------------------------------------------------------------------

    @Override
    public byte[] get(String key) {
        return call("get", key, c -> c.get(tag.stored(key)));
    }

    @Override
    public List<byte[]> getMany(List<String> keys) {
        return NodeClient.values(call("getMany", null, c -> c.mget(tag.stored(keys))));
    }

    @Override
    public void set(String key, byte[] value, Timeout timeout) {
        set(key, value, timeout, SetMode.ALWAYS);
    }

    @Override
    public boolean set(String key, byte[] value, Timeout timeout, SetMode mode) {
        return call("set", key, c -> c.set(tag.stored(key), value, NodeClient.setArgs(timeout, mode))) != null;
    }

    @Override
    public List<String> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return Replies.await(dispatch(a -> a.setMany(entries, timeout)), config.socketTimeout(), errors, "setMany");
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        if (timeout.isNever()) {
            Long existed = call("touch", key, c -> Script.PERSIST_EXISTING.run(c, ScriptOutputType.INTEGER,
                    new String[] {tag.stored(key)}));
            return existed != null && existed == 1L;
        }
        return pexpire(key, timeout.toMillis());
    }

    @Override
    public boolean delete(String key) {
        return call("delete", key, c -> c.del(tag.stored(key))) > 0;
    }

    @Override
    public long deleteMany(List<String> keys) {
        return call("deleteMany", null, c -> c.del(tag.stored(keys)));
    }

    @Override
    public boolean exists(String key) {
        return call("exists", key, c -> c.exists(tag.stored(key))) > 0;
    }

    @Override
    public Long incrBy(String key, long delta) {
        try {
            return Script.INCR_EXISTING.run(sync(), ScriptOutputType.INTEGER, new String[] {tag.stored(key)},
                    NodeClient.digits(delta));
        } catch (RuntimeException e) {
            throw errors.translateValue(e, "incr", key);
        }
    }

    @Override
    public long pttl(String key) {
        return call("pttl", key, c -> c.pttl(tag.stored(key)));
    }

    /** FLUSHDB on every primary. */
    @Override
    public void clear() {
        call("clear", null, RedisAdvancedClusterCommands::flushdb);
    }

    @Override
    public synchronized void release() {
        try {
            disconnect();
            if (cluster != null) {
                cluster.shutdown(Duration.ZERO, Duration.ofSeconds(2));
                cluster = null;
            }
        } finally {
            connector.shutdown();
        }
    }

    // ---- extras --------------------------------------------------------------------------

    @Override
    public long incrByCreating(String key, long delta) {
        try {
            return sync().incrby(tag.stored(key), delta);
        } catch (RuntimeException e) {
            throw errors.translateValue(e, "incr", key);
        }
    }

    @Override
    public boolean pexpire(String key, long millis) {
        return call("pexpire", key, c -> c.pexpire(tag.stored(key), millis));
    }

    @Override
    public boolean pexpireAt(String key, long epochMillis) {
        return call("pexpireAt", key, c -> c.pexpireat(tag.stored(key), epochMillis));
    }

    @Override
    public boolean persist(String key) {
        return call("persist", key, c -> c.persist(tag.stored(key)));
    }

    /** A cluster-wide SCAN (every primary in turn, or replicas with {@code READ_FROM}). */
    @Override
    public Iterator<String> scan(String pattern, int count, boolean write) {
        Iterator<String> keys = call("scan", pattern, c -> ScanIterator.scan(c,
                ScanArgs.Builder.matches(tag.pattern(pattern)).limit(count)));
        return new TranslatingIterator<>(tag.made(keys), errors, "scan", pattern);
    }

    @Override
    public long deletePattern(String pattern, int count) {
        return Replies.deleteInBatches(scan(pattern, count, true), count, this::deleteMany);
    }

    @Override
    public boolean lockAcquire(String key, byte[] token, Timeout timeout) {
        return set(key, token, timeout, SetMode.NX);
    }

    @Override
    public boolean lockRelease(String key, byte[] token) {
        Long released = call("lockRelease", key, c -> Script.LOCK_RELEASE.run(c, ScriptOutputType.INTEGER,
                new String[] {tag.stored(key)}, token));
        return released != null && released > 0;
    }

    @Override
    public boolean lockExtend(String key, byte[] token, long millis, boolean replace) {
        Long extended = call("lockExtend", key, c -> Script.LOCK_EXTEND.run(c, ScriptOutputType.INTEGER,
                new String[] {tag.stored(key)}, token, NodeClient.digits(millis), NodeClient.digits(replace ? 1 : 0)));
        return extended != null && extended > 0;
    }

    /** The value from the key's primary (reads always go to primaries). */
    @Override
    public byte[] getFromPrimary(String key) {
        return get(key);
    }

    /** Not offered: keys live on several primaries; use {@link #clusterConnection()}. */
    @Override
    public StatefulRedisConnection<String, byte[]> connection(boolean write) {
        throw new UnsupportedOperationException("ClusterClient spreads keys over the cluster's primaries; "
                + "use ClusterClient.clusterConnection() for raw access");
    }

    @Override
    public synchronized void disconnect() {
        StatefulRedisClusterConnection<String, byte[]> current = connection;
        connection = null;
        if (current != null) {
            current.close();
        }
    }

    // ---- asynchronous --------------------------------------------------------------------

    @Override
    public CompletableFuture<byte[]> getAsync(String key) {
        return dispatch(a -> a.run("get", key, c -> c.get(tag.stored(key))));
    }

    @Override
    public CompletableFuture<List<byte[]>> getManyAsync(List<String> keys) {
        return dispatch(a -> a.run("getMany", null, c -> c.mget(tag.stored(keys)))).thenApply(NodeClient::values);
    }

    @Override
    public CompletableFuture<Boolean> setAsync(String key, byte[] value, Timeout timeout, SetMode mode) {
        return dispatch(a -> a.run("set", key, c -> c.set(tag.stored(key), value, NodeClient.setArgs(timeout, mode))))
                .thenApply(reply -> reply != null);
    }

    @Override
    public CompletableFuture<List<String>> setManyAsync(Map<String, byte[]> entries, Timeout timeout) {
        return dispatch(a -> a.setMany(entries, timeout));
    }

    @Override
    public CompletableFuture<Boolean> touchAsync(String key, Timeout timeout) {
        return timeout.isNever() ? dispatch(a -> a.script(Script.PERSIST_EXISTING, "touch", key)).thenApply(n -> n == 1L)
                : pexpireAsync(key, timeout.toMillis());
    }

    @Override
    public CompletableFuture<Boolean> deleteAsync(String key) {
        return dispatch(a -> a.run("delete", key, c -> c.del(tag.stored(key)))).thenApply(count -> count > 0);
    }

    @Override
    public CompletableFuture<Long> deleteManyAsync(List<String> keys) {
        return dispatch(a -> a.run("deleteMany", null, c -> c.del(tag.stored(keys))));
    }

    @Override
    public CompletableFuture<Boolean> existsAsync(String key) {
        return dispatch(a -> a.run("exists", key, c -> c.exists(tag.stored(key)))).thenApply(count -> count > 0);
    }

    @Override
    public CompletableFuture<Long> incrByAsync(String key, long delta) {
        return dispatch(a -> a.incr(Script.INCR_EXISTING, key, delta));
    }

    @Override
    public CompletableFuture<Long> pttlAsync(String key) {
        return dispatch(a -> a.run("pttl", key, c -> c.pttl(tag.stored(key))));
    }

    @Override
    public CompletableFuture<Void> clearAsync() {
        return dispatch(a -> a.run("clear", null, RedisAdvancedClusterAsyncCommands::flushdb)).thenApply(ok -> null);
    }

    @Override
    public CompletableFuture<Long> incrByCreatingAsync(String key, long delta) {
        return dispatch(a -> a.incr(null, key, delta));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAsync(String key, long millis) {
        return dispatch(a -> a.run("pexpire", key, c -> c.pexpire(tag.stored(key), millis)));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAtAsync(String key, long epochMillis) {
        return dispatch(a -> a.run("pexpireAt", key, c -> c.pexpireat(tag.stored(key), epochMillis)));
    }

    @Override
    public CompletableFuture<Boolean> persistAsync(String key) {
        return dispatch(a -> a.run("persist", key, c -> c.persist(tag.stored(key))));
    }

    @Override
    public String toString() {
        return "ClusterClient{seeds=" + config.locations() + (tag.enabled() ? ", HASH_TAG_PREFIX" : "") + "}";
    }
}
