package org.cacheway.cache.redis.client;

import io.lettuce.core.ReadFrom;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.masterreplica.MasterReplica;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.redis.internal.lettuce.LettuceConnector;
import org.cacheway.cache.redis.internal.lettuce.NodeEndpoint;
import org.cacheway.cache.redis.internal.lettuce.LettuceTransport;
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
public final class SentinelClient extends CommandClient {
    /** {@code OPTIONS['SENTINELS']}: the sentinels, for a django-redis style {@code redis://service/db}. */
    public static final CacheOption<List<RedisLocation.HostPort>> SENTINELS =
            CacheOption.of("SENTINELS", List.of(), SentinelClient::sentinels);
    /** {@code OPTIONS['READ_FROM']}: a Lettuce {@link ReadFrom} name; reads stay on the primary by default. */
    public static final CacheOption<ReadFrom> READ_FROM = CacheOption.of("READ_FROM", ReadFrom.UPSTREAM,
            SentinelClient::readFrom);
    /** The options this client reads. */
    public static final List<CacheOption<?>> OPTIONS = List.of(SENTINELS, READ_FROM);

    /** A client for the service that {@code config} names; nothing connects until first use. */
    public SentinelClient(ClientConfig config) {
        this(config, new LettuceConnector(config));
    }

    private SentinelClient(ClientConfig config, LettuceConnector connector) {
        super(new LettuceTransport(node(config, connector), connector), List.of(), connector::shutdown);
    }

    private static NodeEndpoint node(ClientConfig config, LettuceConnector connector) {
        RedisURI uri = sentinelUri(config, connector);
        ReadFrom policy = READ_FROM.read(config.settings());
        Function<RedisClient, StatefulRedisConnection<String, byte[]>> connect = policy == ReadFrom.UPSTREAM
                ? client -> client.connect(LettuceConnector.CODEC, uri)
                : client -> {
                    StatefulRedisMasterReplicaConnection<String, byte[]> connection =
                            MasterReplica.connect(client, LettuceConnector.CODEC, uri);
                    connection.setReadFrom(policy);
                    return connection;
                };
        String service = uri.getSentinelMasterId() + "@" + uri.getSentinels().stream()
                .map(sentinel -> sentinel.getHost() + ":" + sentinel.getPort()).toList();
        return connector.node(service, "the service " + service, connect);
    }

    /**
     * The Lettuce sentinel URI of the settings, with the socket timeout, client name and the
     * {@code PASSWORD}/{@code USERNAME} options (when the URI has none) applied to data connections.
     *
     * @throws CacheConfigurationException naming LOCATION or SENTINELS when they do not describe a service
     */
    public static RedisURI sentinelUri(ClientConfig config) {
        return sentinelUri(config, new LettuceConnector(config));
    }

    private static RedisURI sentinelUri(ClientConfig config, LettuceConnector connector) {
        RedisLocation location = config.locations().get(0);
        if (location.scheme() != RedisLocation.Scheme.SENTINEL) {
            location = djangoStyle(config);
        }
        RedisURI uri = connector.sentinelUri(location);
        String password = ClientConfig.PASSWORD.read(config.settings());
        if (location.password() == null && password != null) {
            String username = ClientConfig.USERNAME.read(config.settings());
            uri.setCredentialsProvider(RedisCredentialsProvider.from(() -> RedisCredentials.just(username, password)));
        }
        return uri;
    }

    /** {@code redis://service/db} with {@code SENTINELS}, as a sentinel location. */
    private static RedisLocation djangoStyle(ClientConfig config) {
        List<RedisLocation> locations = config.locations();
        if (locations.size() != 1 || locations.get(0).scheme() != RedisLocation.Scheme.REDIS) {
            throw CacheConfigurationException.of(config.alias(), "LOCATION", config.settings().locations(),
                    "expected one redis://service/db entry (with OPTIONS['SENTINELS']) or a redis-sentinel:// URI");
        }
        List<RedisLocation.HostPort> sentinels = SENTINELS.read(config.settings());
        if (sentinels.isEmpty()) {
            throw config.settings().options().error(SENTINELS.name(), null,
                    "SENTINELS must be provided as a list of (host, port)");
        }
        RedisLocation service = locations.get(0);
        StringBuilder uri = new StringBuilder("redis-sentinel://");
        if (service.password() != null) {
            uri.append(service.username() == null ? "" : encode(service.username()) + ":")
                    .append(encode(service.password())).append('@');
        }
        uri.append(String.join(",", sentinels.stream().map(RedisLocation.HostPort::toString).toList()))
                .append('/').append(service.database()).append('#').append(encode(service.host()));
        return RedisLocation.parse(config.alias(), uri.toString());
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<RedisLocation.HostPort> sentinels(Object value, CacheSettings.Options options, String name) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw options.error(name, value, "SENTINELS must be provided as a list of (host, port)");
        }
        List<RedisLocation.HostPort> sentinels = new ArrayList<>();
        for (Object entry : list) {
            String host;
            String port;
            if (entry instanceof List<?> pair && pair.size() == 2) {
                host = String.valueOf(pair.get(0));
                port = String.valueOf(pair.get(1));
            } else if (entry instanceof String text && text.lastIndexOf(':') > 0) {
                host = text.substring(0, text.lastIndexOf(':'));
                port = text.substring(text.lastIndexOf(':') + 1);
            } else {
                throw options.error(name, value, "SENTINELS must be provided as a list of (host, port)");
            }
            try {
                sentinels.add(new RedisLocation.HostPort(host, Integer.parseInt(port.trim())));
            } catch (NumberFormatException e) {
                throw options.error(name, value, "bad sentinel port '" + port + "'");
            }
        }
        return sentinels;
    }

    private static ReadFrom readFrom(Object value, CacheSettings.Options options, String name) {
        try {
            return ReadFrom.valueOf(value.toString().replace("_", ""));
        } catch (IllegalArgumentException e) {
            throw options.error(name, value, "expected a Lettuce ReadFrom name such as MASTER, "
                    + "REPLICA_PREFERRED, REPLICA, MASTER_PREFERRED, ANY or ANY_REPLICA");
        }
    }
}
