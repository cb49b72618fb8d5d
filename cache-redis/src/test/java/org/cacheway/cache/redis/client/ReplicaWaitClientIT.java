package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisReplicated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default client with a primary and two read replicas: with {@code WAIT_REPLICAS} every write
 * is acknowledged by the replicas before it returns, so the read that follows, served by a
 * replica, sees it.
 */
class ReplicaWaitClientIT {
    @RegisterExtension
    static final RedisExtension<RedisReplicated> redis = RedisExtension.replicated(2);

    private final List<Caches> registries = new ArrayList<>();

    @BeforeEach
    void reset() {
        redis.get().replicas().stream().filter(node -> !node.isRunning()).forEach(RedisNode::restart);
        redis.get().flushAll();
    }

    @AfterEach
    void close() {
        registries.forEach(Caches::close);
        redis.get().replicas().stream().filter(node -> !node.isRunning()).forEach(RedisNode::restart);
    }

    private RedisCache cache(Map<String, Object> options) {
        List<String> location = new ArrayList<>(List.of(redis.get().primary().uri(0)));
        redis.get().replicas().forEach(node -> location.add(node.uri(0)));
        Map<String, Object> all = new HashMap<>(options);
        all.put("SOCKET_TIMEOUT", 5);
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", location, "OPTIONS", all)));
        registries.add(caches);
        return (RedisCache) caches.getDefault();
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
    void everyWriteIsReadableFromTheReplicasAtOnce() throws Exception {
        RedisCache cache = cache(Map.of("WAIT_REPLICAS", 2, "WAIT_TIMEOUT", 2000));
        assertThat(cache.client()).isInstanceOf(ReplicaWait.class);
        redis.get().nodes().forEach(node -> node.call("CONFIG", "RESETSTAT"));
        for (int i = 0; i < 200; i++) {
            cache.set("k" + i, "v" + i, Timeout.seconds(60));
            assertThat(cache.get("k" + i)).as("read of k%d from a replica", i).isEqualTo("v" + i);
        }
        cache.async().set("async", "written").get(10, TimeUnit.SECONDS);
        assertThat(cache.get("async")).isEqualTo("written");
        assertThat(cache.delete("k1")).isTrue();
        assertThat(cache.hasKey("k1")).isFalse();
        assertThat(calls(redis.get().primary(), "wait")).isGreaterThanOrEqualTo(202);
        long replicaGets = redis.get().replicas().stream().mapToLong(node -> calls(node, "get")).sum();
        assertThat(replicaGets).isGreaterThanOrEqualTo(201);
        assertThat(calls(redis.get().primary(), "get")).isZero();
    }

    @Test
    void aMissingReplicaSlowsWritesByTheWaitTimeoutButTheyStand() {
        RedisCache cache = cache(Map.of("WAIT_REPLICAS", 2, "WAIT_TIMEOUT", 200));
        redis.get().replicas().get(1).kill();
        long start = System.nanoTime();
        cache.set("k", "v");
        long took = (System.nanoTime() - start) / 1_000_000;
        assertThat(took).isBetween(150L, 5_000L);
        assertThat(redis.get().primary().call("EXISTS", ":1:k")).isEqualTo(1L);
    }

    @Test
    void waitOptionsAreChecked() {
        assertThatThrownBy(() -> cache(Map.of("WAIT_REPLICAS", 0)).get("x"))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("WAIT_REPLICAS");
        assertThatThrownBy(() -> cache(Map.of("WAIT_TIMEOUT", 10)).get("x"))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("WAIT_TIMEOUT");
    }
}
