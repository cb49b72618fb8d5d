package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.client.DefaultClient;
import org.cacheway.cache.redis.location.RedisLocation;
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

    @Test
    void unknownOptionIsRejectedListingTheKnownOnes() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "OPTIONS", Map.of("SOCKET_TIMOUT", 1)))) {
            assertThatThrownBy(caches::getDefault)
                    .isInstanceOf(CacheConfigurationException.class)
                    .hasMessageContaining("CACHES['default']['OPTIONS']['SOCKET_TIMOUT'] = 1")
                    .hasMessageContaining("SOCKET_TIMEOUT").hasMessageContaining("SCAN_ITERSIZE");
        }
    }

    @Test
    void djangoRedisOptionsWithNoMeaningOnLettuceAreAccepted() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "OPTIONS", Map.of("CONNECTION_POOL_KWARGS",
                        Map.of("max_connections", 100), "PARSER_CLASS", "redis.connection.HiredisParser",
                        "PICKLE_VERSION", -1)))) {
            assertThat(caches.getDefault()).isInstanceOf(RedisCache.class);
        }
    }

    @Test
    void optionsDeclaredByTheClientClassAreAcceptedForThatClassOnly() {
        Map<String, Object> cluster = Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient",
                "CLUSTER_REFRESH_PERIOD", 5);
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "OPTIONS", cluster))) {
            assertThat(caches.getDefault()).isInstanceOf(RedisCache.class);
        }
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "OPTIONS", Map.of("CLUSTER_REFRESH_PERIOD", 5)))) {
            assertThatThrownBy(caches::getDefault).isInstanceOf(CacheConfigurationException.class)
                    .hasMessageContaining("CLUSTER_REFRESH_PERIOD").hasMessageContaining("unknown option");
        }
    }

    @Test
    void theCodecsOptionsAreAcceptedOnRedis() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "OPTIONS", Map.of(
                        "COMPRESSOR", "django_redis.compressors.zlib.ZlibCompressor", "COMPRESS_LEVEL", 9,
                        "COMPRESS_MIN_LENGTH", 100, "SERIALIZER", "org.cacheway.cache.serializer.JavaSerializer",
                        "ALLOWED_CLASSES", List.of("java.util.*"))))) {
            assertThat(caches.getDefault()).isInstanceOf(RedisCache.class);
        }
    }

    @Test
    void policiesAreSwitchedOnByTheirOwnOption() {
        try (Caches caches = caches(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "OPTIONS", Map.of("HERD_CLAIM_TIMEOUT", 1)))) {
            assertThatThrownBy(caches::getDefault).isInstanceOf(CacheConfigurationException.class)
                    .hasMessageContaining("HERD_CLAIM_TIMEOUT").hasMessageContaining("HERD_TIMEOUT");
        }
    }

    @Test
    void aSentinelLocationIsParsedIntoItsSentinelsServiceAndDatabase() {
        RedisLocation location = RedisLocation.parse("default", "redis-sentinel://:pw@s1:26380,s2/3#mymaster");
        assertThat(location.scheme()).isEqualTo(RedisLocation.Scheme.SENTINEL);
        assertThat(location.sentinels()).containsExactly(new RedisLocation.HostPort("s1", 26380),
                new RedisLocation.HostPort("s2", 26379));
        assertThat(location.service()).isEqualTo("mymaster");
        assertThat(location.database()).isEqualTo(3);
        assertThat(location.password()).isEqualTo("pw");
        assertThat(location).hasToString("redis-sentinel://:***@s1:26380,s2:26379/3#mymaster");
    }
}
