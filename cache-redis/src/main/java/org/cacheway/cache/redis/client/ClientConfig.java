package org.cacheway.cache.redis.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import io.lettuce.core.resource.Transports.NativeTransports;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.redis.location.RedisLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis cache's connection settings, read once from its {@code LOCATION} and {@code OPTIONS}:
 * the parsed locations (credentials from {@code USERNAME}/{@code PASSWORD} filled in where the URL
 * has none), the socket timeouts and the other connection options. Immutable; a client class
 * receives one and reads client-specific options through {@link #settings()}.
 */
public final class ClientConfig {
    private static final Logger LOG = LoggerFactory.getLogger(ClientConfig.class);

    /** The options this module understands, whatever the client class. */
    public static final Set<String> KNOWN_OPTIONS = Set.of("CLIENT_CLASS", "SERIALIZER", "COMPRESSOR",
            "IGNORE_EXCEPTIONS", "LOG_IGNORED_EXCEPTIONS", "LOGGER", "SOCKET_CONNECT_TIMEOUT", "SOCKET_TIMEOUT",
            "PASSWORD", "USERNAME", "CLIENT_NAME", "SSL_VERIFY_PEER", "CLOSE_CONNECTION", "SCAN_ITERSIZE",
            "RECONNECT_MAX_DELAY", "PICKLE_VERSION");

    /** django-redis options that have no meaning on Lettuce: accepted, logged at WARN and ignored. */
    public static final Set<String> IGNORED_OPTIONS = Set.of("CONNECTION_POOL_CLASS", "CONNECTION_POOL_KWARGS",
            "PARSER_CLASS", "REDIS_CLIENT_CLASS", "REDIS_CLIENT_KWARGS", "CONNECTION_FACTORY",
            "REPLICA_READ_ONLY");

    /** Why a unix:// location cannot be used, and what to add. */
    static final String UNIX_NEEDS_NATIVE = "a unix:// location needs Netty's native transport on the classpath: "
            + "add io.netty:netty-transport-native-epoll with the classifier of your platform (e.g. linux-x86_64), "
            + "or netty-transport-native-kqueue on macOS";

    /** The LOCATION query parameters that are understood; others are logged and ignored. */
    private static final Set<String> URL_PARAMETERS = Set.of("db", "username", "password");

    /** Lettuce's default command timeout, used when {@code SOCKET_TIMEOUT} is unset. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);
    /** Lettuce's default connect timeout, used when {@code SOCKET_CONNECT_TIMEOUT} is unset. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final CacheSettings settings;
    private final List<RedisLocation> locations;
    private final String sentinelLocation;
    private final Duration socketTimeout;
    private final Duration connectTimeout;
    private final Duration reconnectMaxDelay;
    private final String clientName;
    private final String sslVerifyPeer;
    private final boolean closeConnection;
    private final int scanItersize;

    private ClientConfig(CacheSettings settings) {
        CacheSettings.Options options = settings.options();
        this.settings = settings;
        this.socketTimeout = seconds(options, "SOCKET_TIMEOUT", DEFAULT_SOCKET_TIMEOUT);
        this.connectTimeout = seconds(options, "SOCKET_CONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT);
        this.reconnectMaxDelay = seconds(options, "RECONNECT_MAX_DELAY", Duration.ofSeconds(2));
        this.clientName = options.string("CLIENT_NAME", null);
        this.sslVerifyPeer = sslMode(options);
        this.closeConnection = options.bool("CLOSE_CONNECTION", false);
        this.scanItersize = options.integer("SCAN_ITERSIZE", 10);
        if (scanItersize < 1) {
            throw options.error("SCAN_ITERSIZE", options.get("SCAN_ITERSIZE"), "must be at least 1");
        }
        String username = options.string("USERNAME", null);
        String password = options.string("PASSWORD", null);
        List<RedisLocation> parsed = new ArrayList<>();
        this.sentinelLocation = sentinelLocation(settings.locations());
        for (String entry : sentinelLocation != null ? List.<String>of() : settings.locations()) {
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
        if (parsed.isEmpty() && sentinelLocation == null) {
            RedisLocation.parse(settings.alias(), null);
        }
        this.locations = Collections.unmodifiableList(parsed);
    }

    /**
     * Reads the connection settings of one cache (option names are checked separately, by
     * {@link #checkOptionNames}, once the client class is known).
     *
     * @throws org.cacheway.cache.CacheConfigurationException naming alias, setting and value
     */
    public static ClientConfig from(CacheSettings settings) {
        return new ClientConfig(settings);
    }

    /**
     * Rejects option names that neither this module nor the client class ({@code clientOptions})
     * understands, so typos are caught early, and logs at WARN those of django-redis that make no
     * sense on the JVM.
     *
     * @throws org.cacheway.cache.CacheConfigurationException naming the alias and the unknown option
     */
    public static void checkOptionNames(CacheSettings settings, Set<String> clientOptions) {
        CacheSettings.Options options = settings.options();
        for (String name : options.asMap().keySet()) {
            if (IGNORED_OPTIONS.contains(name)) {
                LOG.warn("CACHES['{}']['OPTIONS']['{}'] is a django-redis option with no meaning on Lettuce; ignored",
                        settings.alias(), name);
            } else if (!KNOWN_OPTIONS.contains(name) && !clientOptions.contains(name)) {
                Set<String> known = new TreeSet<>(KNOWN_OPTIONS);
                known.addAll(clientOptions);
                known.addAll(IGNORED_OPTIONS);
                throw options.error(name, options.get(name), "unknown option (known options: " + known + ")");
            }
        }
    }

    /**
     * A LOCATION in Lettuce's sentinel form ({@code redis-sentinel://host:port,host:port/db#service}),
     * with the pieces that the comma split of a string LOCATION made joined back; null otherwise.
     */
    private static String sentinelLocation(List<String> entries) {
        if (entries.isEmpty() || !entries.get(0).trim().toLowerCase(Locale.ROOT).matches("rediss?-sentinel://.*")) {
            return null;
        }
        return String.join(",", entries).trim();
    }

    private static Duration seconds(CacheSettings.Options options, String name, Duration fallback) {
        double value = options.number(name, -1);
        if (!options.has(name) || value == 0) {
            return fallback;
        }
        if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            throw options.error(name, options.get(name), "expected a positive number of seconds");
        }
        return Duration.ofNanos((long) (value * 1_000_000_000L));
    }

    private static String sslMode(CacheSettings.Options options) {
        Object value = options.get("SSL_VERIFY_PEER");
        if (value == null) {
            return "FULL";
        }
        String text = value.toString().trim().toUpperCase(Locale.ROOT);
        switch (text) {
            case "TRUE": case "FULL": case "REQUIRED":
                return "FULL";
            case "CA":
                return "CA";
            case "FALSE": case "NONE":
                return "NONE";
            default:
                throw options.error("SSL_VERIFY_PEER", value, "expected true, false, 'full', 'ca' or 'none'");
        }
    }

    /** The cache's settings, for client-specific options. */
    public CacheSettings settings() {
        return settings;
    }

    /** The cache alias, for messages. */
    public String alias() {
        return settings.alias();
    }

    /**
     * The parsed {@code LOCATION} entries, in order; never empty.
     *
     * @throws CacheConfigurationException when the LOCATION is a sentinel URI, which only a client
     *     reading {@link #sentinelLocation()} understands
     */
    public List<RedisLocation> locations() {
        if (locations.isEmpty()) {
            throw CacheConfigurationException.of(alias(), "LOCATION", sentinelLocation,
                    "a redis-sentinel:// location needs OPTIONS['CLIENT_CLASS'] = 'django_redis.client.SentinelClient'");
        }
        return locations;
    }

    /**
     * The {@code LOCATION} when it is in Lettuce's sentinel URI form
     * ({@code redis-sentinel://[password@]host:port[,host:port]/db#service}), else null; for
     * the sentinel client.
     */
    public String sentinelLocation() {
        return sentinelLocation;
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

    /** {@code SSL_VERIFY_PEER} as Lettuce's mode name: {@code FULL}, {@code CA} or {@code NONE}. */
    public String sslVerifyPeer() {
        return sslVerifyPeer;
    }

    /** {@code CLOSE_CONNECTION}: whether a per-request {@code close()} disconnects. */
    public boolean closeConnection() {
        return closeConnection;
    }

    /** {@code SCAN_ITERSIZE}: the {@code COUNT} hint of {@code deletePattern}'s scans (10, as django-redis). */
    public int scanItersize() {
        return scanItersize;
    }

    @Override
    public String toString() {
        return "ClientConfig{alias=" + alias() + ", locations=" + locations + ", SOCKET_TIMEOUT=" + socketTimeout
                + ", SOCKET_CONNECT_TIMEOUT=" + connectTimeout + "}";
    }
}
