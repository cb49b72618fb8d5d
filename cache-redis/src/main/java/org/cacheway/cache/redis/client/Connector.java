package org.cacheway.cache.redis.client;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.CacheClosedException;
import org.cacheway.cache.redis.location.RedisLocation;

/**
 * The expensive shared parts of a cache's connections, made on first connect and shut down on
 * {@link #shutdown()}: one Lettuce {@link ClientResources} (event loops, timers) and one Lettuce
 * {@link RedisClient} configured from {@link ClientConfig}: command timeout {@code SOCKET_TIMEOUT},
 * connect timeout {@code SOCKET_CONNECT_TIMEOUT}, auto-reconnect with a back-off capped at
 * {@code RECONNECT_MAX_DELAY}, and commands rejected (not queued) while disconnected, so that a
 * down server fails fast and fail-open can answer.
 */
public final class Connector {
    /** Keys as UTF-8 strings, values as raw bytes: the codec of every connection. */
    public static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ClientConfig config;
    private ClientResources resources;
    private RedisClient lettuce;
    private boolean shutdown;

    /** A connector for one cache's settings; nothing is allocated until the first connect. */
    public Connector(ClientConfig config) {
        this.config = config;
    }

    /** The settings connections are made with. */
    public ClientConfig config() {
        return config;
    }

    /** Connects to one location with the shared client (Lettuce's exception when it cannot). */
    public StatefulRedisConnection<String, byte[]> connect(RedisLocation location) {
        return lettuce().connect(CODEC, uri(location));
    }

    /** A node for {@code location} that connects through this connector on first use. */
    public Node node(RedisLocation location) {
        return new Node(location.raw(), () -> connect(location), config.reconnectMaxDelay());
    }

    /** The Lettuce URI for a location, with the timeouts, client name and TLS verification of the settings. */
    public RedisURI uri(RedisLocation location) {
        RedisURI.Builder builder = location.scheme() == RedisLocation.Scheme.UNIX
                ? RedisURI.Builder.socket(location.socketPath())
                : RedisURI.Builder.redis(location.host(), location.port());
        builder.withDatabase(location.database()).withTimeout(config.socketTimeout());
        if (location.tls()) {
            builder.withSsl(true).withVerifyPeer(SslVerifyMode.valueOf(config.sslVerifyPeer()));
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

    /** The shared Lettuce client, created on first use. */
    public synchronized RedisClient lettuce() {
        if (shutdown) {
            throw new CacheClosedException(config.alias());
        }
        if (lettuce == null) {
            resources = DefaultClientResources.builder()
                    .reconnectDelay(Delay.exponential(Duration.ofMillis(10), config.reconnectMaxDelay(), 2,
                            TimeUnit.MILLISECONDS))
                    .build();
            lettuce = RedisClient.create(resources);
            lettuce.setOptions(options());
        }
        return lettuce;
    }

    /**
     * The shared client resources, created on first use: a cluster client builds its
     * {@code RedisClusterClient} on them (with {@code ClusterClientOptions.builder(options())}).
     */
    public synchronized ClientResources resources() {
        lettuce();
        return resources;
    }

    /** The Lettuce client options of these settings. */
    public ClientOptions options() {
        return ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(config.connectTimeout()).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(config.socketTimeout()))
                .build();
    }

    /** Shuts the client and its resources down for good (idempotent). */
    public synchronized void shutdown() {
        shutdown = true;
        if (lettuce != null) {
            lettuce.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            resources.shutdown(0, 2, TimeUnit.SECONDS);
            lettuce = null;
            resources = null;
        }
    }
}
