package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisCluster;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reliability figures of the cluster client, on test-support's cluster (3 primaries x 1
 * replica, cluster-node-timeout 2 s) under 8 threads of increments: every client connection of
 * every primary killed again and again ({@code CLIENT KILL}), and one primary killed with SIGKILL
 * while {@code WAIT_REPLICAS = 1} (strict) makes each acknowledged increment wait for its replica.
 * No acknowledged increment is lost: each counter ends at least at its acknowledged increments
 * and at most at those plus the failed ones. Each test prints a {@code RELIABILITY FIGURES} line.
 */
class RedisClusterReliabilityIT {
    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    private static final int THREADS = 8;
    /** What the cluster client may throw while a primary fails over. */
    private static final Set<String> FAILOVER_ERRORS = Set.of("CacheConnectionException", "CacheTimeoutException",
            "CacheServerException", "ReplicaWaitException");

    private Caches caches;

    @AfterEach
    void heal() {
        if (caches != null) {
            caches.close();
        }
        redis.get().nodes().stream().filter(node -> !node.isRunning()).forEach(RedisNode::restart);
        redis.get().awaitHealthy(Duration.ofSeconds(60));
    }

    private RedisCache cache(Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient",
                "SOCKET_TIMEOUT", 2, "SOCKET_CONNECT_TIMEOUT", 1, "RECONNECT_MAX_DELAY", 0.5));
        options.putAll(extra);
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uris(), "OPTIONS", options)));
        RedisCache cache = (RedisCache) caches.getDefault();
        cache.set("warm-up", 1);
        return cache;
    }

    @Test
    void everyAcknowledgedIncrementSurvivesConnectionKillsOnEveryPrimary() throws Exception {
        RedisCache cache = cache(Map.of());
        IncrementCount count = IncrementCount.run(cache, THREADS, Duration.ofSeconds(5), load -> {
            long killed = 0;
            for (RedisNode primary : redis.get().primaries()) {
                killed += (Long) primary.call("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
            }
            return killed;
        });
        System.out.printf("RELIABILITY FIGURES [increments, ClusterClient, CLIENT KILL on every primary every 200 ms]: "
                + "%s%n", count);
        count.assertNoAcknowledgedIncrementLost(FAILOVER_ERRORS);
    }

    /** Whether the cluster has three healthy primaries again, none of them {@code dead}: its replica took over. */
    private static boolean replaced(RedisNode dead) {
        List<RedisNode> primaries = redis.get().primaries();
        return primaries.size() == 3 && !primaries.contains(dead);
    }

    /** Waits until the restarted old primary has learnt that it was failed over and follows the new one. */
    private static void awaitReplica(RedisNode node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"slave".equals(node.role())) {
            assertThat(System.nanoTime()).as("%s became a replica within 30 s", node).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /**
     * The primary dies, its replica takes over (with no replica of its own, so strict waits fail
     * its writes), then the old primary comes back as the new one's replica and writes succeed.
     */
    @Test
    void everyAcknowledgedIncrementSurvivesAPrimaryKilledWhenWritesWaitForTheReplica() throws Exception {
        RedisCache cache = cache(Map.of("WAIT_REPLICAS", 1, "WAIT_TIMEOUT", 500));
        RedisNode victim = redis.get().primaries().get(0);
        AtomicLong killedAt = new AtomicLong();
        AtomicLong promotedAfter = new AtomicLong(-1);
        IncrementCount count = IncrementCount.run(cache, THREADS, Duration.ofSeconds(25), load -> {
            if (killedAt.get() == 0) {
                victim.kill();
                load.mark();
                killedAt.set(System.nanoTime());
                return 1;
            }
            if (promotedAfter.get() < 0 && replaced(victim)) {
                promotedAfter.set((System.nanoTime() - killedAt.get()) / 1_000_000);
                victim.restart();
                awaitReplica(victim);
            }
            return 0;
        });
        LoadProbe load = count.load();
        System.out.printf("RELIABILITY FIGURES [increments, ClusterClient, WAIT_REPLICAS 1 strict, primary %s "
                + "killed, replica promoted %d ms later, old primary restarted then]: %s; calls failing for %d ms "
                + "after the kill%n", victim.address(), promotedAfter.get(), count, load.failingMillisAfterMark());
        assertThat(promotedAfter.get()).as("replica promoted (ms after the kill)").isBetween(0L, 20_000L);
        count.assertNoAcknowledgedIncrementLost(FAILOVER_ERRORS);
        assertThat(load.failures()).as("the kill was seen").isPositive();
        assertThat(load.millisSinceLastFailure()).as("increments worked again before the end").isGreaterThan(2_000L);
        assertThat(load.longestMillis()).as("longest call (ms)").isLessThan(10_000L);
    }
}
