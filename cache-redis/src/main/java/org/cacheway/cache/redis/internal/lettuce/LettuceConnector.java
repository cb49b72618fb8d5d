package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cacheway.cache.CacheClosedException;
import org.cacheway.cache.redis.client.ClientConfig;
import org.cacheway.cache.redis.location.RedisLocation;

/**
 * Makes one client's connections: one Lettuce client (standalone or cluster) on the registry's
 * shared {@link ClientResources}, made on first connect and shut down by {@link #shutdown()}
 * (which leaves the shared resources alone), configured from {@link ClientConfig}: command
 * timeout {@code SOCKET_TIMEOUT}, connect timeout {@code SOCKET_CONNECT_TIMEOUT}, auto-reconnect
 * with a back-off capped at {@code RECONNECT_MAX_DELAY}, and commands rejected (not queued) while
 * disconnected, so that a down server fails fast and fail-open can answer.
 */
public final class LettuceConnector {
    /** Keys as UTF-8 strings, values as raw bytes: the codec of every connection. */
    public static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ClientConfig config;
    private final LettuceErrors errors;
    private final ServerRetry retry;
    private final List<AbstractRedisClient> made = new ArrayList<>();
    private RedisClient lettuce;
    private boolean shutdown;

    /** A connector for one client of a cache; nothing is allocated until the first connect. */
    public LettuceConnector(ClientConfig config) {
        this.config = config;
        this.errors = new LettuceErrors(config.alias());
        this.retry = new ServerRetry(config.socketTimeout(), () -> config.resources().eventExecutorGroup());
    }

    /** The error translations of the cache. */
    public LettuceErrors errors() {
        return errors;
    }

    /** When commands are sent again after a {@code TRYAGAIN} or {@code LOADING} reply. */
    ServerRetry retry() {
        return retry;
    }

    /** A node for {@code location} that connects on first use. */
    public NodeEndpoint node(RedisLocation location) {
        RedisURI uri = uri(location);
        String address = location.scheme() == RedisLocation.Scheme.UNIX ? location.socketPath()
                : location.host() + ":" + location.port();
        return node(location.toString(), address, client -> client.connect(CODEC, uri));
    }

    /** A node connecting through {@code connect} on this connector's Lettuce client (sentinel, master/replica). */
    public NodeEndpoint node(String name, String address,
            Function<RedisClient, StatefulRedisConnection<String, byte[]>> connect) {
        NodeEndpoint node = new NodeEndpoint(name, address, () -> connect.apply(lettuce()), config.reconnectMaxDelay(),
                config.connectTimeout(), errors);
        node.observe(config.observer());
        return node;
    }

    /**
     * A Redis Cluster over {@code seeds}, its topology refreshed every {@code refreshPeriod} and
     * at once on redirects, persistent reconnects and unknown nodes.
     */
    public ClusterEndpoint cluster(List<RedisLocation> seeds, Duration refreshPeriod) {
        List<RedisURI> uris = seeds.stream().map(this::uri).toList();
        Supplier<RedisClusterClient> client = () -> track(() -> {
            RedisClusterClient cluster = RedisClusterClient.create(resources(), uris);
            // Lettuce connects to each node lazily and REJECT_COMMANDS rejects commands waiting for
            // that first connection, so cluster commands are queued while (re)connecting and
            // bounded by SOCKET_TIMEOUT instead
            cluster.setOptions(ClusterClientOptions.builder(options())
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(refreshPeriod) // adaptive triggers are all on by default
                            .refreshTriggersReconnectAttempts(3)
                            .adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
                            .build())
                    .build());
            return cluster;
        });
        ClusterEndpoint endpoint = new ClusterEndpoint(uris, client, config.reconnectMaxDelay(),
                config.connectTimeout(), errors);
        endpoint.observe(config.observer());
        return endpoint;
    }

    /** The Lettuce URI of a server location, with the timeouts, client name and TLS verification of the settings. */
    public RedisURI uri(RedisLocation location) {
        RedisURI.Builder builder = location.scheme() == RedisLocation.Scheme.UNIX
                ? RedisURI.Builder.socket(location.socketPath())
                : RedisURI.Builder.redis(location.host(), location.port());
        return finish(builder, location);
    }

    /** The Lettuce URI of a {@code redis-sentinel://} location: its sentinels, service and database. */
    public RedisURI sentinelUri(RedisLocation location) {
        RedisLocation.HostPort first = location.sentinels().get(0);
        RedisURI.Builder builder = RedisURI.Builder.sentinel(first.host(), first.port(), location.service());
        location.sentinels().subList(1, location.sentinels().size())
                .forEach(sentinel -> builder.withSentinel(sentinel.host(), sentinel.port()));
        return finish(builder, location);
    }

    private RedisURI finish(RedisURI.Builder builder, RedisLocation location) {
        builder.withDatabase(location.database()).withTimeout(config.socketTimeout());
        if (location.tls()) {
            builder.withSsl(true).withVerifyPeer(config.sslVerifyPeer());
        }
        if (config.clientName() != null) {
            builder.withClientName(config.clientName());
        }
        if (location.password() != null) {
            if (location.username() != null) {
                builder.withAuthentication(location.username(), location.password());
            } else {
                builder.withPassword(location.password().toCharArray());
            }
        }
        return builder.build();
    }

    private synchronized RedisClient lettuce() {
        if (lettuce == null) {
            lettuce = track(() -> {
                RedisClient client = RedisClient.create(resources());
                client.setOptions(options());
                return client;
            });
        }
        return lettuce;
    }

    private synchronized <C extends AbstractRedisClient> C track(Supplier<C> create) {
        if (shutdown) {
            throw new CacheClosedException(config.alias());
        }
        C client = create.get();
        made.add(client);
        return client;
    }

    /** The alias's view of the shared resources: their event loops and timer, its own reconnect back-off. */
    private ClientResources resources() {
        return new AliasResources(config.resources(),
                Delay.exponential(Duration.ofMillis(10), config.reconnectMaxDelay(), 2, TimeUnit.MILLISECONDS));
    }

    /** The Lettuce client options of these settings. */
    private ClientOptions options() {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(config.connectTimeout()).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(config.socketTimeout()))
                .build();
    }

    /** Shuts the Lettuce clients down for good (idempotent); the shared resources stay up. */
    public synchronized void shutdown() {
        shutdown = true;
        made.forEach(client -> client.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        made.clear();
        lettuce = null;
    }
}
