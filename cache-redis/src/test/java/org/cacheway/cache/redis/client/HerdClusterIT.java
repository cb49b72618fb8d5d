package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.testsupport.RedisCluster;
import org.cacheway.testsupport.RedisExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Herd around the cluster client: the claim key lives in its value's slot, so a stampede on a
 * missing key computes once across independent caches (standing in for processes), and a stale
 * value is served while one refresher recomputes.
 */
class HerdClusterIT {
    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    private final List<Caches> registries = new ArrayList<>();

    @BeforeEach
    void open() {
        redis.get().flushAll();
    }

    @AfterEach
    void close() {
        registries.forEach(Caches::close);
    }

    /** A herd cache on the cluster with its own registry and connections, as another process would have. */
    private RedisCache process() {
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uris(), "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient",
                        "HERD_TIMEOUT", 60))));
        registries.add(caches);
        return (RedisCache) caches.getDefault();
    }

    @Test
    void aStampedeOnAMissingKeyComputesOnceAcrossProcesses() throws Exception {
        List<RedisCache> processes = List.of(process(), process(), process(), process());
        AtomicInteger computations = new AtomicInteger();
        List<Object> values = HerdClientIT.stampede(processes, "cold", false, () -> {
            sleep(300);
            return "computed-" + computations.incrementAndGet();
        });
        assertThat(computations.get()).isEqualTo(1);
        assertThat(values).hasSize(16).containsOnly("computed-1");
    }

    @Test
    void aStaleValueIsServedWhileOneReaderRefreshes() throws Exception {
        RedisCache cache = process();
        RedisCache other = process();
        cache.set("k", "old", Timeout.millis(300));
        Thread.sleep(400);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Object> refresh = CompletableFuture.supplyAsync(() -> cache.getOrSet("k", () -> {
            computing.countDown();
            await(finish);
            return "new";
        }, Timeout.seconds(60)));
        assertThat(computing.await(10, TimeUnit.SECONDS)).as("the refresher computes").isTrue();
        assertThat(other.get("k")).as("served while the refresh runs").isEqualTo("old");
        finish.countDown();
        assertThat(refresh.get(10, TimeUnit.SECONDS)).isEqualTo("new");
        assertThat(other.get("k")).isEqualTo("new");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
