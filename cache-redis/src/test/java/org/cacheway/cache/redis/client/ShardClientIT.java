package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.cache.redis.internal.HashRing;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ShardClient} on three real servers: placement, one command per server, fan-out operations. */
class ShardClientIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> first = RedisExtension.standalone();
    @RegisterExtension
    static final RedisExtension<RedisStandalone> second = RedisExtension.standalone();
    @RegisterExtension
    static final RedisExtension<RedisStandalone> third = RedisExtension.standalone();

    private Caches caches;
    private RedisCache cache;
    private List<String> locations;

    @BeforeEach
    void open() {
        servers().forEach(node -> node.call("FLUSHALL"));
        // one entry in the ?db= form: node names are the entries as written (db 0: the admin calls use it)
        locations = List.of(first.get().uri(0), second.get().uri(0),
                "redis://" + third.get().host() + ":" + third.get().port() + "?db=0");
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", String.join(",", locations),
                "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.ShardClient"))));
        cache = (RedisCache) caches.getDefault();
    }

    @AfterEach
    void close() {
        caches.close();
    }

    private static List<RedisNode> servers() {
        return List.of(first.get().server(), second.get().server(), third.get().server());
    }

    private static boolean holds(RedisNode node, String key) {
        return ((Number) node.call("EXISTS", key)).longValue() == 1;
    }

    private static long calls(RedisNode node, String command) {
        String stats = node.info("commandstats").get("cmdstat_" + command);
        if (stats == null) {
            return 0;
        }
        String calls = stats.substring(stats.indexOf("calls=") + 6);
        return Long.parseLong(calls.substring(0, calls.indexOf(',')));
    }

    @Test
    void everyKeyLivesOnlyOnTheServerTheRingNames() {
        HashRing ring = new HashRing(locations);
        int[] perServer = new int[3];
        for (int i = 0; i < 60; i++) {
            cache.set("key" + i, i);
            int owner = ring.nodeIndex(":1:key" + i);
            perServer[owner]++;
            for (int s = 0; s < 3; s++) {
                assertThat(holds(servers().get(s), ":1:key" + i)).as("key%d on server %d", i, s).isEqualTo(s == owner);
            }
        }
        assertThat(perServer).doesNotContain(0);
        assertThat(((ShardClient) cache.client()).ring().nodes()).isEqualTo(locations);
    }

    @Test
    void hashTaggedKeysShareAServer() {
        for (int i = 0; i < 20; i++) {
            cache.set("user:{42}:item" + i, i);
        }
        long holding = servers().stream().filter(node -> ((Number) node.call("DBSIZE")).longValue() > 0).count();
        assertThat(holding).isEqualTo(1);
    }

    @Test
    void manyKeyOperationsSendOneCommandPerServer() {
        Map<String, Object> values = new LinkedHashMap<>();
        IntStream.range(0, 60).forEach(i -> values.put("k" + i, "v" + i));
        servers().forEach(node -> node.call("CONFIG", "RESETSTAT"));
        assertThat(cache.setMany(values, Timeout.seconds(100))).isEmpty();
        assertThat(cache.getMany(values.keySet())).isEqualTo(values);
        for (RedisNode node : servers()) {
            assertThat(calls(node, "mget")).as("MGET on %s", node).isEqualTo(1);
            assertThat(calls(node, "get")).isZero();
        }
        List<String> keys = new ArrayList<>(values.keySet());
        keys.add("missing");
        assertThat(cache.deleteMany(keys)).isEqualTo(60);
        servers().forEach(node -> assertThat(calls(node, "del")).isEqualTo(1));
    }

    @Test
    void getManyKeepsRequestOrderAcrossServers() {
        List<String> keys = IntStream.range(0, 30).mapToObj(i -> "o" + (29 - i)).toList();
        keys.stream().filter(k -> k.hashCode() % 2 == 0).forEach(k -> cache.set(k, k));
        List<String> expected = keys.stream().filter(k -> k.hashCode() % 2 == 0).toList();
        assertThat(new ArrayList<>(cache.getMany(keys).keySet())).isEqualTo(expected);
    }

    @Test
    void patternsScansAndClearCoverEveryServer() {
        IntStream.range(0, 30).forEach(i -> cache.set("foo-" + i, i));
        IntStream.range(0, 5).forEach(i -> cache.set("bar-" + i, i));
        assertThat(cache.keys("foo-*")).hasSize(30);
        List<String> iterated = new ArrayList<>();
        cache.iterKeys("bar-*").forEachRemaining(iterated::add);
        assertThat(iterated).containsExactlyInAnyOrder("bar-0", "bar-1", "bar-2", "bar-3", "bar-4");
        assertThat(cache.deletePattern("foo-*")).isEqualTo(30);
        assertThat(cache.keys("*")).hasSize(5);
        cache.clear();
        servers().forEach(node -> assertThat(((Number) node.call("DBSIZE")).longValue()).isZero());
    }

    @Test
    void versionsMoveAcrossServersKeepingTheirTtl() {
        HashRing ring = new HashRing(locations);
        String key = IntStream.range(0, 100).mapToObj(i -> "mover" + i)
                .filter(k -> ring.nodeIndex(":1:" + k) != ring.nodeIndex(":2:" + k)).findFirst().orElseThrow();
        cache.set(key, "payload", Timeout.seconds(100));
        assertThat(cache.incrVersion(key)).isEqualTo(2);
        assertThat(cache.version(2).get(key)).isEqualTo("payload");
        assertThat(cache.get(key)).isNull();
        assertThat(cache.version(2).ttl(key)).isBetween(95L, 100L);
        assertThat(holds(servers().get(ring.nodeIndex(":2:" + key)), ":2:" + key)).isTrue();
    }

    @Test
    void countersAndLocksRouteByKey() {
        cache.set("n", 41);
        assertThat(cache.incr("n")).isEqualTo(42);
        assertThat(cache.incr("fresh", 5, true)).isEqualTo(5);
        try (var lock = cache.lock("shard-lock")) {
            assertThat(lock.acquire(false)).isTrue();
            assertThat(cache.hasKey("shard-lock")).isTrue();
        }
        assertThat(cache.hasKey("shard-lock")).isFalse();
    }

    @Test
    void djangoWrittenValuesAreReadFromTheirServer() {
        HashRing ring = new HashRing(locations);
        RedisNode owner = servers().get(ring.nodeIndex(":1:from-django"));
        owner.call("SET", ":1:from-django", "\"hello\"".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.get("from-django")).isEqualTo("hello");
    }

    @Test
    void rawConnectionsAreNotOffered() {
        assertThatThrownBy(() -> cache.getRedisConnection()).isInstanceOf(UnsupportedOperationException.class);
    }
}
