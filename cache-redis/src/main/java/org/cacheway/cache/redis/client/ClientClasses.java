package org.cacheway.cache.redis.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.plugin.PluginKind;
import org.cacheway.cache.plugin.PluginRegistry;
import org.cacheway.cache.redis.internal.near.NearCacheClient;
import org.cacheway.cache.redis.internal.near.NearCacheConfig;

/**
 * The {@code CLIENT_CLASS} setting: its plugin kind, the names cache-redis registers for it
 * (django-redis's dotted names and Cacheway's class names), and the cache's client built from it
 * with the policies its options switch on around it, herd inside replica wait, so that every write
 * of the herd protocol's value is waited for once.
 */
public final class ClientClasses {
    /** {@code OPTIONS['CLIENT_CLASS']}: a registered name or the name of a {@link CacheClient} class. */
    public static final PluginKind<ClientFactory> CLIENT_CLASS = PluginKind.of("OPTIONS']['CLIENT_CLASS",
            "Redis client class", ClientFactory.class, ClientClasses::fromClass);
    /** {@code OPTIONS['CLIENT_CLASS']} as an option: the default client when unset. */
    public static final CacheOption<String> OPTION = CacheOption.string("CLIENT_CLASS",
            "django_redis.client.DefaultClient");

    /** django-redis's {@code HerdClient}: the default client with stampede protection switched on. */
    static final ClientFactory HERD = DefaultClient::new;

    private ClientClasses() {
    }

    /** Registers django-redis's client class names and Cacheway's class names. */
    public static void register(PluginRegistry registry) {
        registry.register(CLIENT_CLASS, DefaultClient::new, "django_redis.client.DefaultClient",
                "django_redis.client.default.DefaultClient", DefaultClient.class.getName(), "default");
        registry.register(CLIENT_CLASS, ShardClient::new, "django_redis.client.ShardClient",
                "django_redis.client.sharded.ShardClient", ShardClient.class.getName(), "shard");
        registry.register(CLIENT_CLASS, HERD, "django_redis.client.HerdClient", "django_redis.client.herd.HerdClient",
                "org.cacheway.cache.redis.client.HerdClient", "herd");
        registry.register(CLIENT_CLASS, ClientFactory.of(SentinelClient::new, SentinelClient.OPTIONS),
                "django_redis.client.SentinelClient", "django_redis.client.sentinel.SentinelClient",
                SentinelClient.class.getName(), "sentinel");
        registry.register(CLIENT_CLASS, ClientFactory.of(ClusterClient::new, ClusterClient.OPTIONS),
                "django_redis.client.ClusterClient", ClusterClient.class.getName(), "cluster");
    }

    /** The {@code CLIENT_CLASS} factory of {@code settings}. */
    public static ClientFactory factory(CacheSettings settings) {
        return PluginRegistry.global().resolve(CLIENT_CLASS, settings.alias(), OPTION.read(settings));
    }

    /** The options any Redis client reads, with {@code factory}'s and the policies'. */
    public static List<CacheOption<?>> options(ClientFactory factory) {
        List<CacheOption<?>> all = new ArrayList<>(ClientConfig.OPTIONS);
        all.add(OPTION);
        all.addAll(factory.options());
        all.addAll(Herd.OPTIONS);
        all.addAll(ReplicaWait.OPTIONS);
        all.add(NearCacheConfig.OPTION);
        return all;
    }

    /** django-redis options with no meaning on Lettuce: accepted with a WARN giving the reason. */
    public static final Map<String, String> IGNORED = Map.of(
            "CONNECTION_POOL_CLASS", "Lettuce shares one connection per server; there is no pool",
            "CONNECTION_POOL_KWARGS", "Lettuce shares one connection per server; there is no pool",
            "PARSER_CLASS", "a redis-py parser; Lettuce has its own",
            "PICKLE_VERSION", "read only by the pickle serializer, which this cache does not use",
            "REDIS_CLIENT_CLASS", "a redis-py client class; Lettuce is the client",
            "REDIS_CLIENT_KWARGS", "redis-py client arguments; use OPTIONS such as SOCKET_TIMEOUT",
            "CONNECTION_FACTORY", "a django-redis connection factory; Lettuce makes the connections",
            "REPLICA_READ_ONLY", "replicas are read-only already; reads go to them in turn",
            "SENTINEL_KWARGS", "sentinel connections take the LOCATION's credentials and SOCKET_TIMEOUT");

    /**
     * The client of a cache: {@code factory}'s, behind the near cache when {@code NEAR_CACHE} is
     * set (innermost, so it holds what Redis holds and herd still sees each value's soft expiry),
     * with stampede protection (when the name is HerdClient or {@code HERD_TIMEOUT} is set) and
     * then replica waits ({@code WAIT_REPLICAS}) around it. A client whose policy options are
     * wrong is released before the error is thrown.
     *
     * @param settings the cache's settings, with the key scheme its keys are made with
     */
    public static CacheClient create(CacheSettings settings, ClientFactory factory, ClientConfig config) {
        CacheClient client = NearCacheClient.around(settings, config, factory::create);
        try {
            return ReplicaWait.around(Herd.around(client, settings, factory == HERD), settings);
        } catch (CacheConfigurationException e) {
            client.release();
            throw e;
        }
    }

    private static ClientFactory fromClass(Class<?> loaded) {
        if (ClientFactory.class.isAssignableFrom(loaded)) {
            return PluginKind.construct(loaded, ClientFactory.class);
        }
        if (!CacheClient.class.isAssignableFrom(loaded)) {
            throw new IllegalArgumentException("is neither a " + CacheClient.class.getName() + " nor a "
                    + ClientFactory.class.getName());
        }
        return config -> {
            try {
                return PluginKind.construct(loaded, CacheClient.class, config);
            } catch (IllegalArgumentException e) {
                throw CacheConfigurationException.of(config.alias(), CLIENT_CLASS.setting(), loaded.getName(),
                        e.getMessage(), e);
            }
        };
    }
}
