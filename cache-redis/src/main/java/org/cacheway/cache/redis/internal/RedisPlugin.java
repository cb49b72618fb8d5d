package org.cacheway.cache.redis.internal;

import org.cacheway.cache.plugin.CachewayPlugin;
import org.cacheway.cache.plugin.PluginKind;
import org.cacheway.cache.plugin.PluginRegistry;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.cache.redis.client.ClientClasses;

/**
 * cache-redis's plugin names: the Redis backend under django-redis's, Django's and Cacheway's
 * names, and the {@code CLIENT_CLASS} names. Not API: found by {@link java.util.ServiceLoader}.
 */
public final class RedisPlugin implements CachewayPlugin {

    /** The plugin, for {@link java.util.ServiceLoader}. */
    public RedisPlugin() {
    }

    @Override
    public void register(PluginRegistry registry) {
        registry.register(PluginKind.BACKEND, RedisCache::new, "django_redis.cache.RedisCache",
                RedisCache.class.getName(), "redis");
        // Django's own Redis backend: the same cache until its differences (pickle protocol 5 by
        // default, lowercase OPTIONS ignored) are handled by the backend registered here
        registry.register(PluginKind.BACKEND, RedisCache::new, "django.core.cache.backends.redis.RedisCache");
        ClientClasses.register(registry);
    }
}
