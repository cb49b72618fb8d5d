package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Caches;
import org.cacheway.cache.serializer.JsonSerializer;
import org.cacheway.cache.serializer.PickleSerializer;
import org.junit.jupiter.api.Test;

/** A settings block for Django 4+'s built-in Redis backend works unchanged (nothing connects here). */
class DjangoBuiltinBackendTest {
    private static CacheSettings block(Object location, Map<String, Object> options) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("BACKEND", DjangoBuiltinBackend.BACKEND);
        block.put("LOCATION", location);
        block.put("OPTIONS", options);
        return DjangoBuiltinBackend.redisCacheSettings(CacheSettings.fromMap("default", block));
    }

    @Test
    void theBuiltinBlockBuildsARedisCacheThatPicklesAtProtocol5() {
        try (Caches caches = Caches.fromSettings(Map.of("default", Map.of(
                "BACKEND", "django.core.cache.backends.redis.RedisCache", "LOCATION", "redis://127.0.0.1:1")))) {
            RedisCache cache = (RedisCache) caches.getDefault();
            assertThat(cache.codec().serializer()).isInstanceOf(PickleSerializer.class);
            assertThat(((PickleSerializer) cache.codec().serializer()).protocol()).isEqualTo(5);
            assertThat(cache.makeKey("key")).isEqualTo(":1:key");
        }
    }

    @Test
    void djangosDefaultSerializerNameMeansPickleAtProtocol5() {
        CacheSettings s = block("redis://h:1", Map.of("serializer", DjangoBuiltinBackend.REDIS_SERIALIZER));
        assertThat(s.options().asMap()).containsEntry("SERIALIZER", PickleSerializer.DJANGO_REDIS_NAME)
                .containsEntry("PICKLE_VERSION", 5).doesNotContainKey("serializer");
    }

    @Test
    void anotherSerializerNameIsResolvedAsSerializer() {
        CacheSettings s = block("redis://h:1", Map.of("serializer", "django_redis.serializers.json.JSONSerializer"));
        try (Caches caches = Caches.builder().cache(s).build()) {
            assertThat(((RedisCache) caches.getDefault()).codec().serializer()).isInstanceOf(JsonSerializer.class);
        }
    }

    @Test
    void connectionKeywordsAreUsedAndPoolAndParserOptionsDropped() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("pool_class", "redis.BlockingConnectionPool");
        options.put("parser_class", "redis.connection._HiredisParser");
        options.put("retry_on_timeout", true);
        options.put("password", "secret");
        options.put("socket_timeout", 2);
        options.put("SOCKET_CONNECT_TIMEOUT", 3);
        CacheSettings s = block("redis://h:1", options);
        assertThat(s.options().asMap()).containsEntry("PASSWORD", "secret").containsEntry("SOCKET_TIMEOUT", 2)
                .containsEntry("SOCKET_CONNECT_TIMEOUT", 3)
                .doesNotContainKeys("pool_class", "parser_class", "retry_on_timeout", "password", "socket_timeout");
        try (Caches caches = Caches.builder().cache(s).build()) {
            assertThat(caches.getDefault()).isInstanceOf(RedisCache.class);
        }
    }

    @Test
    void cachewaysUpperCaseOptionsWin() {
        CacheSettings s = block("redis://h:1", Map.of("password", "lower", "PASSWORD", "upper", "SERIALIZER", "json"));
        assertThat(s.options().asMap()).containsEntry("PASSWORD", "upper").containsEntry("SERIALIZER", "json")
                .doesNotContainKey("PICKLE_VERSION");
    }

    @Test
    void dbAppliesToLocationsNamingNoDatabaseAsInRedisPy() {
        CacheSettings s = block(List.of("redis://h:1", "redis://h:2/", "redis://h:3/4", "rediss://h:5?db=6",
                "unix:///tmp/r.sock", "redis://u:p@h:7?ssl_cert_reqs=none"), Map.of("db", 2));
        assertThat(s.locations()).containsExactly("redis://h:1?db=2", "redis://h:2/?db=2", "redis://h:3/4",
                "rediss://h:5?db=6", "unix:///tmp/r.sock?db=2", "redis://u:p@h:7?ssl_cert_reqs=none&db=2");
        assertThatThrownBy(() -> block("redis://h:1", Map.of("db", "two")))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("CACHES['default']['OPTIONS']['db']");
    }

    @Test
    void locationMayBeSplitOnSemicolonsAsDjangoSplitsIt() {
        assertThat(block("redis://a:1;redis://b:2,redis://c:3", Map.of()).locations())
                .containsExactly("redis://a:1", "redis://b:2", "redis://c:3");
    }

    @Test
    void otherBackendsAreLeftAsTheyAre() {
        CacheSettings django = CacheSettings.fromMap("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://h:1"));
        assertThat(DjangoBuiltinBackend.redisCacheSettings(django)).isSameAs(django);
    }
}
