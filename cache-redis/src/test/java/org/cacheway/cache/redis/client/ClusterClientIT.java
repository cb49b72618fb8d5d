package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.cluster.SlotHash;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.testsupport.RedisCluster;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link ClusterClient} specifics: keys spread over primaries, cross-slot many-ops, fan-out, hash-tagged prefix. */
class ClusterClientIT {
    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    private final List<Caches> registries = new ArrayList<>();
    private RedisCache cache;

    @BeforeEach
    void open() {
        redis.get().flushAll();
        cache = cache(Map.of());
    }

    @AfterEach
    void close() {
        registries.forEach(Caches::close);
    }

    private RedisCache cache(Map<String, Object> extra) {
        Map<String, Object> block = new HashMap<>(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uris(), "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient")));
        block.putAll(extra);
        Caches caches = Caches.fromSettings(Map.of("default", block));
        registries.add(caches);
        return (RedisCache) caches.getDefault();
    }

    private static long dbsize(RedisNode node) {
        return ((Number) node.call("DBSIZE")).longValue();
    }

    @Test
    void keysSpreadOverEveryPrimaryAndManyOpsCrossSlots() {
        Map<String, Object> values = new LinkedHashMap<>();
        IntStream.range(0, 90).forEach(i -> values.put("k" + i, "v" + i));
        assertThat(cache.setMany(values, Timeout.seconds(100))).isEmpty();
        for (RedisNode primary : redis.get().primaries()) {
            assertThat(dbsize(primary)).as("keys on %s", primary).isPositive();
        }
        List<String> asked = new ArrayList<>(values.keySet());
        java.util.Collections.reverse(asked);
        asked.add(5, "missing");
        assertThat(new ArrayList<>(cache.getMany(asked).keySet())).isEqualTo(
                asked.stream().filter(k -> !k.equals("missing")).toList());
        assertThat(cache.ttl("k7")).isBetween(98L, 100L);
        assertThat(cache.deleteMany(asked)).isEqualTo(90);
        assertThat(redis.get().primaries().stream().mapToLong(ClusterClientIT::dbsize).sum()).isZero();
    }

    @Test
    void patternsScansAndClearCoverEveryPrimary() {
        IntStream.range(0, 40).forEach(i -> cache.set("foo-" + i, i));
        IntStream.range(0, 5).forEach(i -> cache.set("bar-" + i, i));
        assertThat(cache.keys("foo-*")).hasSize(40);
        List<String> iterated = new ArrayList<>();
        cache.iterKeys("bar-*").forEachRemaining(iterated::add);
        assertThat(iterated).containsExactlyInAnyOrder("bar-0", "bar-1", "bar-2", "bar-3", "bar-4");
        assertThat(cache.deletePattern("foo-*")).isEqualTo(40);
        assertThat(cache.keys("*")).hasSize(5);
        cache.clear();
        assertThat(redis.get().primaries().stream().mapToLong(ClusterClientIT::dbsize).sum()).isZero();
    }

    @Test
    void countersLocksAndVersionsWorkAcrossSlots() {
        cache.set("n", 41, Timeout.seconds(100));
        assertThat(cache.incr("n")).isEqualTo(42);
        assertThat(cache.ttl("n")).isBetween(98L, 100L);
        assertThat(cache.incr("created", 3, true)).isEqualTo(3);
        cache.set("mover", "x", Timeout.seconds(100));
        assertThat(SlotHash.getSlot(":1:mover")).isNotEqualTo(SlotHash.getSlot(":2:mover"));
        assertThat(cache.incrVersion("mover")).isEqualTo(2);
        assertThat(cache.version(2).get("mover")).isEqualTo("x");
        try (var lock = cache.lock("cluster-lock", java.time.Duration.ofSeconds(30))) {
            assertThat(lock.acquire(false)).isTrue();
            assertThat(cache.hasKey("cluster-lock")).isTrue();
        }
        assertThat(cache.hasKey("cluster-lock")).isFalse();
    }

    @Test
    void hashTaggedPrefixKeepsTheCacheInOneSlot() {
        RedisCache tagged = cache(Map.of("KEY_PREFIX", "myapp", "OPTIONS", Map.of(
                "CLIENT_CLASS", "django_redis.client.ClusterClient", "HASH_TAG_PREFIX", true)));
        IntStream.range(0, 30).forEach(i -> tagged.set("t" + i, i));
        long holding = redis.get().primaries().stream().filter(node -> dbsize(node) > 0).count();
        assertThat(holding).isEqualTo(1);
        RedisNode owner = redis.get().primaries().stream().filter(node -> dbsize(node) > 0).findFirst().orElseThrow();
        assertThat(owner.call("EXISTS", "{myapp}:1:t3")).isEqualTo(1L);
        assertThat(tagged.get("t3")).isEqualTo(3L);
        assertThat(tagged.keys("t1*")).containsExactlyInAnyOrder("t1", "t10", "t11", "t12", "t13", "t14", "t15",
                "t16", "t17", "t18", "t19");
        assertThat(tagged.getMany(List.of("t1", "t2"))).isEqualTo(Map.of("t1", 1L, "t2", 2L));
        assertThat(tagged.clearPrefix()).isEqualTo(30);
        assertThat(dbsize(owner)).isZero();
    }

    @Test
    void asyncTwinsRouteBySlot() throws Exception {
        cache.async().set("a1", "x").get();
        cache.async().setMany(Map.of("a2", 2, "a3", "three")).get();
        assertThat(cache.async().getMany(List.of("a1", "a2", "a3")).get()).isEqualTo(Map.of("a1", "x", "a2", 2L,
                "a3", "three"));
        assertThat(cache.async().incr("a2", 5).get()).isEqualTo(7);
        assertThat(cache.async().touch("a1", Timeout.NEVER).get()).isTrue();
        assertThat(cache.async().deleteMany(List.of("a1", "a2", "a3")).get()).isEqualTo(3);
    }

    @Test
    void anAsyncCallConnectsOffTheCallersThreadAndFailsItsFutureWhenTheSeedIsSilent() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // accepts the TCP handshake (kernel backlog) and never answers: discovery waits for its timeouts
            RedisCache stranded = cache(Map.of("LOCATION", "redis://127.0.0.1:" + silent.getLocalPort(), "OPTIONS", Map.of(
                    "CLIENT_CLASS", "django_redis.client.ClusterClient", "SOCKET_CONNECT_TIMEOUT", 1,
                    "SOCKET_TIMEOUT", 1)));
            long start = System.nanoTime();
            CompletableFuture<Object> read = stranded.async().get("k");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .as("the caller is not held while the topology is discovered").isLessThan(500L);
            assertThatThrownBy(() -> read.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(CacheConnectionException.class);
        }
    }

    @Test
    void misconfigurationNamesTheSetting() {
        assertThatThrownBy(() -> cache(Map.of("LOCATION", redis.get().uris().get(0) + "/3")))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("database 0");
        assertThatThrownBy(() -> cache(Map.of("OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient",
                "HASH_TAG_PREFIX", true)))).isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("KEY_PREFIX");
        assertThatThrownBy(() -> cache.getRedisConnection()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(((ClusterClient) cache.client()).clusterConnection().sync().clusterInfo())
                .contains("cluster_state:ok");
    }
}
