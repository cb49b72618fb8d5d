package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisReplicated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * LOCATION = [primary, replica] (acceptance case 75): writes go to the primary, reads to the
 * replica, and a read falls back to the primary when the replica is down (django-redis does not).
 */
class RedisReplicaIT {
    @RegisterExtension
    static final RedisExtension<RedisReplicated> redis = RedisExtension.replicated(1);

    private Caches caches;
    private RedisCache cache;

    @BeforeEach
    void open() {
        RedisNode replica = replica();
        if (!replica.isRunning()) {
            replica.restart();
        }
        redis.get().flushAll();
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", List.of(redis.get().primary().uri(1), replica.uri(1)),
                "OPTIONS", Map.of("SOCKET_TIMEOUT", 3, "SOCKET_CONNECT_TIMEOUT", 2))));
        cache = (RedisCache) caches.getDefault();
    }

    @AfterEach
    void close() {
        caches.close();
        if (!replica().isRunning()) {
            replica().restart();
        }
    }

    private static RedisNode replica() {
        return redis.get().replicas().get(0);
    }

    private static long calls(RedisNode node, String command) {
        String stats = node.info("commandstats").get("cmdstat_" + command);
        if (stats == null) {
            return 0;
        }
        String calls = stats.substring(stats.indexOf("calls=") + 6);
        return Long.parseLong(calls.substring(0, calls.indexOf(',')));
    }

    /** SET and PSETEX calls (a set with a finite timeout is a PSETEX). */
    private static long writes(RedisNode node) {
        return calls(node, "set") + calls(node, "psetex");
    }

    @Test
    void writesGoToThePrimary() {
        long before = writes(redis.get().primary());
        cache.set("k", "v");
        assertThat(writes(redis.get().primary())).isEqualTo(before + 1);
        byte[] stored = cache.getRedisConnection(true).sync().get(":1:k");
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("\"v\"");
    }

    @Test
    void readsGoToTheReplica() {
        cache.set("k", "v");
        long replicaGets = calls(replica(), "get");
        long primaryGets = calls(redis.get().primary(), "get");
        awaitReplicated("k");
        cache.get("k");
        cache.hasKey("k");
        cache.getMany(List.of("k"));
        cache.ttl("k");
        assertThat(calls(replica(), "get")).isGreaterThan(replicaGets);
        assertThat(calls(replica(), "exists")).isPositive();
        assertThat(calls(replica(), "mget")).isPositive();
        assertThat(calls(replica(), "pttl")).isPositive();
        assertThat(calls(redis.get().primary(), "get")).isEqualTo(primaryGets);
        assertThat(cache.getRedisConnection(false).sync().info("replication")).contains("role:slave");
    }

    @Test
    void readsFallBackToThePrimaryWhenTheReplicaIsDown() {
        cache.set("k", "v");
        awaitReplicated("k");
        assertThat(cache.get("k")).isEqualTo("v");
        replica().kill();
        assertThat(cache.get("k")).isEqualTo("v");
        assertThat(cache.hasKey("k")).isTrue();
        assertThat(cache.getMany(List.of("k"))).isEqualTo(Map.of("k", "v"));
        assertThat(cache.keys("*")).containsExactly("k");
    }

    @Test
    void asyncReadsFallBackToThePrimaryToo() throws Exception {
        cache.set("k", "v");
        awaitReplicated("k");
        replica().kill();
        assertThat(cache.async().get("k").get()).isEqualTo("v");
        assertThat(cache.async().hasKey("k").get()).isTrue();
    }

    private void awaitReplicated(String key) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (cache.getRedisConnection(false).sync().exists(cache.makeKey(key)) == 1L) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(key + " did not reach the replica within 5 s");
    }
}
