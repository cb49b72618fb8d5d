package org.cacheway.cache.redis.client;

import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.redis.location.RedisLocation;

/**
 * django-redis's {@code SentinelClient} ({@code CLIENT_CLASS = "django_redis.client.SentinelClient"}):
 * the primary is found through Redis Sentinel by Lettuce's own sentinel support, and found again
 * after a failover when Lettuce reconnects. {@code LOCATION} is either Lettuce's sentinel URI,
 * {@code redis-sentinel://[password@]host:port[,host:port...]/db#service}, or django-redis's
 * {@code redis://service/db} with {@code OPTIONS['SENTINELS']} a list of {@code "host:port"} (or
 * {@code [host, port]}) entries.
 *
 * <p>{@code OPTIONS['READ_FROM']} (a Lettuce {@link ReadFrom} name such as
 * {@code "REPLICA_PREFERRED"}, {@code "REPLICA"}, {@code "ANY"}; default {@code "MASTER"}) sends
 * reads to replicas through a Lettuce master/replica connection, which follows the topology the
 * sentinels announce. Writes, scripts, locks and counters always go to the primary.
 */
public class SentinelClient extends NodeClient {
    /** {@code OPTIONS['SENTINELS']}: the sentinels, for a django-redis style {@code redis://service/db}. */
    public static final String SENTINELS = "SENTINELS";
    /** {@code OPTIONS['READ_FROM']}: a Lettuce {@link ReadFrom} name; reads stay on the primary by default. */
    public static final String READ_FROM = "READ_FROM";

    /** A client for the service that {@code config} names; nothing connects until first use. */
    public SentinelClient(ClientConfig config) {
        this(config, new Connector(config));
    }

    private SentinelClient(ClientConfig config, Connector connector) {
        super(config, connector, node(config, connector), List.of());
    }

    private static Node node(ClientConfig config, Connector connector) {
        RedisURI uri = sentinelUri(config);
        CacheSettings.Options options = config.settings().options();
        String readFrom = options.string(READ_FROM, "MASTER");
        ReadFrom policy;
        try {
            policy = ReadFrom.valueOf(readFrom.replace("_", ""));
        } catch (IllegalArgumentException e) {
            throw options.error(READ_FROM, readFrom, "expected a Lettuce ReadFrom name such as MASTER, "
                    + "REPLICA_PREFERRED, REPLICA, MASTER_PREFERRED, ANY or ANY_REPLICA");
        }
        Supplier<StatefulRedisConnection<String, byte[]>> connect = policy == ReadFrom.UPSTREAM
                ? () -> connector.lettuce().connect(Connector.CODEC, uri)
                : () -> {
                    StatefulRedisMasterReplicaConnection<String, byte[]> connection =
                            MasterReplica.connect(connector.lettuce(), Connector.CODEC, uri);
                    connection.setReadFrom(policy);
                    return connection;
                };
        return new Node(uri.getSentinelMasterId() + "@" + uri.getSentinels(), connect, config.reconnectMaxDelay());
    }

    /**
     * The Lettuce sentinel URI of the settings, with the socket timeout, client name and the
     * {@code PASSWORD}/{@code USERNAME} options (when the URI has none) applied to data connections.
     *
     * @throws CacheConfigurationException naming LOCATION or SENTINELS when they do not describe a service
     */
    public static RedisURI sentinelUri(ClientConfig config) {
        CacheSettings.Options options = config.settings().options();
        String location = config.sentinelLocation();
        RedisURI uri;
        boolean credentialsGiven;
        if (location != null) {
            credentialsGiven = location.substring(0, location.indexOf("://") + 3 + location.substring(
                    location.indexOf("://") + 3).split("[/#?]", 2)[0].length()).contains("@");
            try {
                uri = RedisURI.create(location);
            } catch (RuntimeException e) {
                throw CacheConfigurationException.of(config.alias(), "LOCATION", location, e.getMessage());
            }
            if (uri.getSentinelMasterId() == null || uri.getSentinels().isEmpty()) {
                throw CacheConfigurationException.of(config.alias(), "LOCATION", location,
                        "a sentinel URI needs sentinels and a service: redis-sentinel://host:port,host:port/db#service");
            }
        } else {
            uri = djangoStyle(config, options);
            credentialsGiven = config.locations().get(0).password() != null;
        }
        uri.setTimeout(config.socketTimeout());
        if (config.clientName() != null) {
            uri.setClientName(config.clientName());
        }
        String password = options.string("PASSWORD", null);
        if (!credentialsGiven && password != null) {
            String username = options.string("USERNAME", null);
            uri.setCredentialsProvider(io.lettuce.core.RedisCredentialsProvider.from(
                    () -> io.lettuce.core.RedisCredentials.just(username, password)));
        }
        return uri;
    }

    private static RedisURI djangoStyle(ClientConfig config, CacheSettings.Options options) {
        if (config.locations().size() != 1 || config.locations().get(0).scheme() != RedisLocation.Scheme.REDIS) {
            throw CacheConfigurationException.of(config.alias(), "LOCATION", config.settings().locations(),
                    "expected one redis://service/db entry (with OPTIONS['SENTINELS']) or a redis-sentinel:// URI");
        }
        RedisLocation service = config.locations().get(0);
        List<String[]> sentinels = sentinels(options);
        RedisURI.Builder builder = RedisURI.Builder.sentinel(sentinels.get(0)[0], port(options, sentinels.get(0)[1]),
                service.host());
        for (String[] sentinel : sentinels.subList(1, sentinels.size())) {
            builder.withSentinel(sentinel[0], port(options, sentinel[1]));
        }
        builder.withDatabase(service.database());
        if (service.password() != null) {
            if (service.username() != null) {
                builder.withAuthentication(service.username(), service.password());
            } else {
                builder.withPassword(service.password().toCharArray());
            }
        }
        return builder.build();
    }

    private static List<String[]> sentinels(CacheSettings.Options options) {
        Object value = options.get(SENTINELS);
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw options.error(SENTINELS, value, "SENTINELS must be provided as a list of (host, port)");
        }
        List<String[]> sentinels = new ArrayList<>();
        for (Object entry : list) {
            if (entry instanceof List<?> pair && pair.size() == 2) {
                sentinels.add(new String[] {String.valueOf(pair.get(0)), String.valueOf(pair.get(1))});
            } else if (entry instanceof String text && text.lastIndexOf(':') > 0) {
                int colon = text.lastIndexOf(':');
                sentinels.add(new String[] {text.substring(0, colon), text.substring(colon + 1)});
            } else {
                throw options.error(SENTINELS, value, "SENTINELS must be provided as a list of (host, port)");
            }
        }
        return sentinels;
    }

    private static int port(CacheSettings.Options options, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw options.error(SENTINELS, options.get(SENTINELS), "bad sentinel port '" + text + "'");
        }
    }

    @Override
    public Set<String> options() {
        return Set.of(SENTINELS, READ_FROM, "SENTINEL_KWARGS");
    }
}
