package org.cacheway.cache.redis;

import java.util.Map;
import org.cacheway.testsupport.DebianPython;
import org.junit.jupiter.api.BeforeAll;

/**
 * Debian's Django 3.2 with django-redis 5.2 on the classic walkthrough's settings (no SERIALIZER:
 * django-redis's default pickle, protocol 4) and Cacheway with {@code PickleSerializer} share values
 * both ways. Runs {@code /usr/bin/python3}; fails (never skips) when Django or django-redis is missing.
 */
class DjangoRedisPickleInteropIT extends DjangoPickleInteropContract {
    @BeforeAll
    static void requireDjango() {
        DebianPython.require("django", "django_redis", "pytz", "zoneinfo");
    }

    @Override
    String djangoBackend() {
        return "django_redis";
    }

    @Override
    String runPython(String script, String... args) {
        return DebianPython.run(script, "", args);
    }

    @Override
    Map<String, Object> cachewayBlock(String location) {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", location,
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.DefaultClient",
                        "SERIALIZER", "django_redis.serializers.pickle.PickleSerializer"));
    }
}
