package org.cacheway.session.redis;

import java.util.Map;

/**
 * {@link DjangoLoginContract} with Debian's Django 3.2 and django-redis 5.2 configured with its JSON
 * serializer, the same {@code CACHES} block on both sides. Needs {@code /usr/bin/python3} with
 * Django and django-redis ({@code apt-get install python3-django-redis}); fails (never skips) without them.
 */
class DjangoLoginJsonIT extends DjangoLoginContract {
    private static Map<String, Object> cache(String location) {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", location,
                "OPTIONS", Map.of("SERIALIZER", "django_redis.serializers.json.JSONSerializer"));
    }

    @Override
    protected Map<String, Object> djangoCache(String location) {
        return cache(location);
    }

    @Override
    protected Map<String, Object> cachewayCache(String location) {
        return cache(location);
    }
}
