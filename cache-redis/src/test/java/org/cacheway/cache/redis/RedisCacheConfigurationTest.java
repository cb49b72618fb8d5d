package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.client.DefaultClient;
import org.junit.jupiter.api.Test;

/** Building a RedisCache from settings, which connects to nothing until the first command. */
class RedisCacheConfigurationTest {

    private static Caches caches(Map<String, Object> block) {
        return Caches.fromSettings(Map.of("default", block));
    }

    @Test
    void djangoRedisBackendNameBuildsARedisCacheWithTheDefaultClient() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0",
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.DefaultClient")))) {
            RedisCache cache = (RedisCache) caches.getDefault();
            assertThat(cache.client()).isInstanceOf(DefaultClient.class);
        }
    }

    @Test
    void djangoBuiltInRedisBackendNameIsAccepted() {
        try (Caches caches = caches(Map.of("BACKEND", "django.core.cache.backends.redis.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0"))) {
            assertThat(caches.getDefault()).isInstanceOf(RedisCache.class);
        }
    }

    @Test
    void versionViewIsARedisCacheSharingTheClient() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0"))) {
            RedisCache cache = (RedisCache) caches.getDefault();
            RedisCache v2 = cache.version(2);
            assertThat(v2.version()).isEqualTo(2);
            assertThat(v2.client()).isSameAs(cache.client());
            assertThat(v2.makePattern("a*")).isEqualTo(":2:a*");
        }
    }

    @Test
    void unknownClientClassNamesAliasSettingAndValue() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "OPTIONS", Map.of("CLIENT_CLASS", "com.example.Nope")))) {
            assertThatThrownBy(caches::getDefault)
                    .isInstanceOf(CacheConfigurationException.class)
                    .hasMessageContaining("CACHES['default']['OPTIONS']['CLIENT_CLASS'] = 'com.example.Nope'");
        }
    }

    @Test
    void missingLocationIsAMissingConnectionsString() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache"))) {
            assertThatThrownBy(caches::getDefault)
                    .isInstanceOf(CacheConfigurationException.class)
                    .hasMessageContaining("Missing connections string");
        }
    }

    @Test
    void malformedLocationNamesAliasSettingAndValue() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", "nowhere"))) {
            assertThatThrownBy(caches::getDefault)
                    .isInstanceOf(CacheConfigurationException.class)
                    .hasMessageContaining("CACHES['default']['LOCATION'] = 'nowhere'");
        }
    }

    @Test
    void misspelledOptionIsRejected() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "OPTIONS", Map.of("IGNORE_EXCEPTION", true)))) {
            assertThatThrownBy(caches::getDefault)
                    .isInstanceOf(CacheConfigurationException.class)
                    .hasMessageContaining("IGNORE_EXCEPTION").hasMessageContaining("unknown option");
        }
    }
}
