package org.cacheway.cache.redis.client;

import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Plugins;

/**
 * Resolves {@code OPTIONS['CLIENT_CLASS']} to a {@link CacheClient}: a Java class name, or one of
 * django-redis's dotted names in {@link #ALIASES}. The class is built with its public
 * {@code (ClientConfig)} constructor, then the cache's option names are checked against those it
 * declares.
 */
public final class CacheClients {
    /** django-redis's client classes and the Cacheway classes that play them. */
    public static final Map<String, String> ALIASES = Map.of(
            "django_redis.client.DefaultClient", DefaultClient.class.getName(),
            "django_redis.client.default.DefaultClient", DefaultClient.class.getName(),
            "django_redis.client.ShardClient", "org.cacheway.cache.redis.client.ShardClient",
            "django_redis.client.HerdClient", "org.cacheway.cache.redis.client.HerdClient",
            "django_redis.client.SentinelClient", "org.cacheway.cache.redis.client.SentinelClient",
            "django_redis.client.ClusterClient", "org.cacheway.cache.redis.client.ClusterClient");

    private static final String SETTING = "OPTIONS']['CLIENT_CLASS";

    private CacheClients() {
    }

    /**
     * The client a cache's settings ask for ({@link DefaultClient} when {@code CLIENT_CLASS} is unset).
     *
     * @throws CacheConfigurationException naming the alias, {@code CLIENT_CLASS} and the value for an
     *     unknown class, and naming the option for a bad {@code LOCATION} or option
     */
    public static CacheClient create(CacheSettings settings) {
        String name = settings.options().string("CLIENT_CLASS", DefaultClient.class.getName());
        String className = Plugins.resolveName(ALIASES, name);
        ClientConfig config = ClientConfig.from(settings);
        CacheClient client = className.equals(DefaultClient.class.getName())
                ? settings.options().has(ReplicaWaitClient.WAIT_REPLICAS) ? new ReplicaWaitClient(config)
                        : new DefaultClient(config)
                : Plugins.instantiate(settings.alias(), SETTING, className, CacheClient.class, ClientConfig.class, config);
        try {
            ClientConfig.checkOptionNames(settings, client.options());
        } catch (CacheConfigurationException e) {
            client.release();
            throw e;
        }
        return client;
    }
}
