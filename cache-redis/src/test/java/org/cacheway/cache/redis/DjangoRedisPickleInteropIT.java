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
    DjangoRedisPickleInteropIT() {
        super("django_redis", (script, args) -> DebianPython.run(script, "", args),
                location -> Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", location,
                        "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.DefaultClient",
                                "SERIALIZER", "django_redis.serializers.pickle.PickleSerializer")));
    }

    @BeforeAll
    static void requireDjango() {
        DebianPython.require("django", "django_redis", "pytz", "zoneinfo");
    }
}
