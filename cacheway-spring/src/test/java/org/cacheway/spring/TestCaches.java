package org.cacheway.spring;

import java.util.Map;
import org.cacheway.cache.Caches;

/** The CACHES the Spring tests run on: a shared {@code default} alias in typed JSON, and an alias of its own for {@code users}. */
final class TestCaches {
    private TestCaches() {
    }

    static Caches on(String uri) {
        return Caches.fromSettings(Map.of(
                "default", Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", uri, "KEY_PREFIX", "app",
                        "OPTIONS", Map.of("SERIALIZER", "typed_json", "ALLOWED_CLASSES", "org.cacheway.spring.*")),
                "users", Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", uri, "KEY_PREFIX", "users")));
    }
}
