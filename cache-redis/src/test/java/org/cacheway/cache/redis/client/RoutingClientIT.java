package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The routing SPI on a real server, with databases 5 and 6 standing in for two shards. */
class RoutingClientIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private Caches caches;
    private RedisCache cache;

    @BeforeEach
    void open() {
        redis.get().flushAll();
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", List.of(redis.get().uri(5), redis.get().uri(6)),
                "OPTIONS", Map.of("CLIENT_CLASS", ModuloShardClient.class.getName()))));
        cache = (RedisCache) caches.getDefault();
    }

    @AfterEach
    void close() {
        caches.close();
    }

    private static long keysIn(int db) {
        RedisClient client = RedisClient.create(redis.get().uri(db));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().dbsize();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void keysAreSpreadOverTheShardsAndReadBackInRequestOrder() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            values.put("key" + i, i);
        }
        assertThat(cache.setMany(values)).isEmpty();
        assertThat(keysIn(5)).isPositive();
        assertThat(keysIn(6)).isPositive();
        assertThat(keysIn(5) + keysIn(6)).isEqualTo(20);
        List<String> reversed = new ArrayList<>(values.keySet());
        java.util.Collections.reverse(reversed);
        assertThat(new ArrayList<>(cache.getMany(reversed).keySet())).isEqualTo(reversed);
        assertThat(cache.get("key7")).isEqualTo(7L);
        assertThat(cache.incr("key7")).isEqualTo(8L);
    }

    @Test
    void wholeDatabaseOperationsReachEveryShard() throws Exception {
        for (int i = 0; i < 10; i++) {
            cache.set("foo" + i, i);
        }
        assertThat(cache.keys("foo*")).hasSize(10);
        assertThat(cache.deleteMany(List.of("foo0", "foo1", "foo2"))).isEqualTo(3);
        assertThat(cache.deletePattern("foo*")).isEqualTo(7);
        cache.set("a", 1);
        cache.set("b", 2);
        cache.async().setMany(Map.of("c", 3, "d", 4)).get();
        assertThat(cache.async().getMany(List.of("a", "b", "c", "d")).get()).hasSize(4);
        cache.clear();
        assertThat(keysIn(5) + keysIn(6)).isZero();
    }

    @Test
    void rawConnectionIsNotOffered() {
        assertThatThrownBy(() -> cache.getRedisConnection()).isInstanceOf(UnsupportedOperationException.class);
    }
}
