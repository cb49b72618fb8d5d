package org.cacheway.cache.redis.client;

import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Transports.NativeTransports;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.redis.internal.lettuce.ConnectionObserver;
import org.cacheway.cache.redis.location.RedisLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis cache's connection settings, read once from its {@code LOCATION} and {@code OPTIONS}:
 * the parsed locations (credentials from {@code USERNAME}/{@code PASSWORD} filled in where the URL
 * has none), the socket timeouts and the other connection options, and the Lettuce
 * {@link ClientResources} (event loops, timers) the connections share with the registry's other
 * aliases. Immutable; a client class receives one and reads its own options through
 * {@link #settings()}.
 */
public final class ClientConfig {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConfig.class);

    /** Lettuce's default command timeout, used when {@code SOCKET_TIMEOUT} is unset or 0. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);
    /** Lettuce's default connect timeout, used when {@code SOCKET_CONNECT_TIMEOUT} is unset or 0. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** {@code OPTIONS['SOCKET_TIMEOUT']}: seconds a command may take (fractions allowed; 0 = Lettuce's 60). */
    public static final CacheOption<Duration> SOCKET_TIMEOUT = timeout("SOCKET_TIMEOUT", DEFAULT_SOCKET_TIMEOUT);
    /** {@code OPTIONS['SOCKET_CONNECT_TIMEOUT']}: seconds connecting may take (0 = Lettuce's 10). */
    public static final CacheOption<Duration> SOCKET_CONNECT_TIMEOUT =
            timeout("SOCKET_CONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT);
    /** {@code OPTIONS['RECONNECT_MAX_DELAY']}: the ceiling in seconds of the reconnect back-off. */
    public static final CacheOption<Duration> RECONNECT_MAX_DELAY =
            CacheOption.seconds("RECONNECT_MAX_DELAY", Duration.ofSeconds(2));
    /** {@code OPTIONS['PASSWORD']}: used for locations whose URL has none. */
    public static final CacheOption<String> PASSWORD = CacheOption.string("PASSWORD", null);
    /** {@code OPTIONS['USERNAME']}: the ACL user for locations whose URL has none. */
    public static final CacheOption<String> USERNAME = CacheOption.string("USERNAME", null);
    /** {@code OPTIONS['CLIENT_NAME']}: sent with {@code CLIENT SETNAME}. */
    public static final CacheOption<String> CLIENT_NAME = CacheOption.string("CLIENT_NAME", null);
    /** {@code OPTIONS['SSL_VERIFY_PEER']}: {@code true}/{@code full}, {@code ca}, {@code false}/{@code none}. */
    public static final CacheOption<SslVerifyMode> SSL_VERIFY_PEER =
            CacheOption.of("SSL_VERIFY_PEER", SslVerifyMode.FULL, ClientConfig::sslMode);
    /** The connection options every client class reads. */
    public static final List<CacheOption<?>> OPTIONS = List.of(SOCKET_TIMEOUT, SOCKET_CONNECT_TIMEOUT,
            RECONNECT_MAX_DELAY, PASSWORD, USERNAME, CLIENT_NAME, SSL_VERIFY_PEER);

    /** Why a unix:// location cannot be used, and what to add. */
    static final String UNIX_NEEDS_NATIVE = "a unix:// location needs Netty's native transport on the classpath: "
            + "add io.netty:netty-transport-native-epoll with the classifier of your platform (e.g. linux-x86_64), "
            + "or netty-transport-native-kqueue on macOS";

    /** The LOCATION query parameters that are understood; others are logged and ignored. */
    private static final Set<String> URL_PARAMETERS = Set.of("db", "username", "password", "sentinelMasterId");

    private final CacheSettings settings;
    private final List<RedisLocation> locations;
    private final Duration socketTimeout;
    private final Duration connectTimeout;
    private final Duration reconnectMaxDelay;
    private final String clientName;
    private final SslVerifyMode sslVerifyPeer;
    private final ClientResources resources;
    private final ConnectionObserver observer;

    private ClientConfig(CacheSettings settings, ClientResources resources) {
        this.settings = settings;
        this.resources = resources;
        this.observer = ConnectionObserver.NONE;
        this.socketTimeout = SOCKET_TIMEOUT.read(settings);
        this.connectTimeout = SOCKET_CONNECT_TIMEOUT.read(settings);
        this.reconnectMaxDelay = RECONNECT_MAX_DELAY.read(settings);
        this.clientName = CLIENT_NAME.read(settings);
        this.sslVerifyPeer = SSL_VERIFY_PEER.read(settings);
        this.locations = parse(settings, USERNAME.read(settings), PASSWORD.read(settings));
    }

    private ClientConfig(ClientConfig config, ClientResources resources, ConnectionObserver observer) {
        this.settings = config.settings;
        this.locations = config.locations;
        this.socketTimeout = config.socketTimeout;
        this.connectTimeout = config.connectTimeout;
        this.reconnectMaxDelay = config.reconnectMaxDelay;
        this.clientName = config.clientName;
        this.sslVerifyPeer = config.sslVerifyPeer;
        this.resources = resources;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Reads the connection settings of one cache, without Lettuce resources (for parsing alone;
     * {@link #withResources} gives a config clients can connect with).
     *
     * @throws CacheConfigurationException naming alias, setting and value
     */
    public static ClientConfig from(CacheSettings settings) {
        return new ClientConfig(settings, null);
    }

    /** This config, connecting on {@code resources} (shared, owned by whoever made them). */
    public ClientConfig withResources(ClientResources resources) {
        return new ClientConfig(this, Objects.requireNonNull(resources, "resources"), observer);
    }

    /**
     * This config, with every data connection its clients open and close reported to
     * {@code observer} before the cache uses it (the near cache's tracking).
     */
    public ClientConfig withObserver(ConnectionObserver observer) {
        return new ClientConfig(this, resources, observer);
    }

    /** What is told about the data connections opened and closed; {@link ConnectionObserver#NONE} by default. */
    public ConnectionObserver observer() {
        return observer;
    }

    private static CacheOption<Duration> timeout(String name, Duration fallback) {
        return CacheOption.of(name, fallback, (raw, options, n) -> {
            double value = options.number(n, -1);
            if (value == 0) {
                return fallback;
            }
            if (!(value > 0) || Double.isInfinite(value)) {
                throw options.error(n, raw, "expected a positive number of seconds");
            }
            return Duration.ofNanos((long) (value * 1_000_000_000L));
        });
    }

    private static SslVerifyMode sslMode(Object raw, CacheSettings.Options options, String name) {
        switch (raw.toString().trim().toUpperCase(Locale.ROOT)) {
            case "TRUE": case "FULL": case "REQUIRED":
                return SslVerifyMode.FULL;
            case "CA":
                return SslVerifyMode.CA;
            case "FALSE": case "NONE":
                return SslVerifyMode.NONE;
            default:
                throw options.error(name, raw, "expected true, false, 'full', 'ca' or 'none'");
        }
    }

    /**
     * The LOCATION entries parsed in order; a {@code redis-sentinel://} URI is one entry (with the
     * pieces that the comma split of a string LOCATION made joined back).
     */
    private static List<RedisLocation> parse(CacheSettings settings, String username, String password) {
        List<String> entries = settings.locations();
        if (!entries.isEmpty() && entries.get(0).trim().toLowerCase(Locale.ROOT).matches("rediss?-sentinel://.*")) {
            entries = List.of(String.join(",", entries).trim());
        }
        if (entries.isEmpty()) {
            RedisLocation.parse(settings.alias(), null);
        }
        List<RedisLocation> parsed = new ArrayList<>();
        for (String entry : entries) {
            RedisLocation location = RedisLocation.parse(settings.alias(), entry);
            for (String parameter : location.query().keySet()) {
                if (!URL_PARAMETERS.contains(parameter)) {
                    LOG.warn("CACHES['{}']['LOCATION'] {}: query parameter '{}' is not used by Lettuce; ignored "
                            + "(use OPTIONS such as SOCKET_TIMEOUT instead)", settings.alias(), location, parameter);
                }
            }
            if (location.scheme() == RedisLocation.Scheme.UNIX && !NativeTransports.isDomainSocketSupported()) {
                throw CacheConfigurationException.of(settings.alias(), "LOCATION", entry, UNIX_NEEDS_NATIVE);
            }
            parsed.add(location.withDefaultCredentials(username, password));
        }
        return Collections.unmodifiableList(parsed);
    }

    /** The cache's settings, for client-specific options. */
    public CacheSettings settings() {
        return settings;
    }

    /** The cache alias, for messages. */
    public String alias() {
        return settings.alias();
    }

    /** The parsed {@code LOCATION} entries, in order; never empty. */
    public List<RedisLocation> locations() {
        return locations;
    }

    /**
     * The {@code LOCATION} entries as servers, for clients that connect to each one.
     *
     * @throws CacheConfigurationException when the LOCATION is a sentinel URI, which only the
     *     sentinel client understands
     */
    public List<RedisLocation> servers() {
        if (locations.get(0).scheme() == RedisLocation.Scheme.SENTINEL) {
            throw CacheConfigurationException.of(alias(), "LOCATION", locations.get(0).raw(),
                    "a redis-sentinel:// location needs OPTIONS['CLIENT_CLASS'] = 'django_redis.client.SentinelClient'");
        }
        return locations;
    }

    /** {@code SOCKET_TIMEOUT}: how long a command may take. */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    /** {@code SOCKET_CONNECT_TIMEOUT}: how long connecting may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@code RECONNECT_MAX_DELAY}: the ceiling of the exponential back-off between reconnects. */
    public Duration reconnectMaxDelay() {
        return reconnectMaxDelay;
    }

    /** {@code CLIENT_NAME} sent with {@code CLIENT SETNAME}, or null. */
    public String clientName() {
        return clientName;
    }

    /** {@code SSL_VERIFY_PEER} as Lettuce's verification mode. */
    public SslVerifyMode sslVerifyPeer() {
        return sslVerifyPeer;
    }

    /**
     * The shared Lettuce resources connections are made on.
     *
     * @throws IllegalStateException for a config read for parsing alone ({@link #from})
     */
    public ClientResources resources() {
        if (resources == null) {
            throw new IllegalStateException("ClientConfig of cache '" + alias() + "' has no ClientResources: "
                    + "use withResources(...)");
        }
        return resources;
    }

    @Override
    public String toString() {
        return "ClientConfig{alias=" + alias() + ", locations=" + locations + ", SOCKET_TIMEOUT=" + socketTimeout
                + ", SOCKET_CONNECT_TIMEOUT=" + connectTimeout + "}";
    }
}
