package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cacheway.cache.CacheServerException;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisCluster;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server-state replies on test-support's Redis Cluster, for the cluster client alone, with herd,
 * with replica waits and with the near cache: {@code OOM} on every primary past {@code maxmemory},
 * {@code BUSY} while every primary runs a long script, and {@code CLUSTERDOWN} from the live
 * primaries once a whole shard (primary and replica) is down; {@code TRYAGAIN} on a slot being
 * migrated, retried within the socket timeout. Every operation, on both faces,
 * fails with a {@link org.cacheway.cache.CacheServerException} carrying the code, as on one
 * server ({@link RedisServerStateIT}, whose operations these are), and fail-open answers
 * {@code OOM} as an outage. The keys share one hash tag ({@code KEY_PREFIX "{t}"}), so that every
 * operation goes to one live primary while another shard is down.
 */
class RedisClusterServerStateIT extends ServerStateSuite {
    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    private static final String PREFIX = "{t}";
    private static final Map<String, Map<String, Object>> SETUPS = policiesAround("cluster");

    private final List<Caches> registries = new ArrayList<>();

    static Stream<String> setups() {
        return SETUPS.keySet().stream();
    }

    @BeforeEach
    void seed() {
        redis.get().flushAll();
        RedisNode owner = owner();
        owner.call("SET", PREFIX + ":1:k", "1");
        owner.call("SET", PREFIX + ":1:n", "5");
    }

    @AfterEach
    void heal() {
        registries.forEach(Caches::close);
        redis.get().nodes().stream().filter(node -> !node.isRunning()).forEach(RedisNode::restart);
        redis.get().awaitHealthy(Duration.ofSeconds(60));
        redis.get().primaries().forEach(primary -> primary.call("CONFIG", "SET", "maxmemory", "0"));
    }

    /** The primary that owns the slot of every key of the tests: the one that does not redirect it. */
    private static RedisNode owner() {
        for (RedisNode primary : redis.get().primaries()) {
            try {
                primary.call("EXISTS", PREFIX + ":1:k");
                return primary;
            } catch (RuntimeException moved) {
                // another primary's slot
            }
        }
        throw new AssertionError("no primary owns slot " + SlotHash.getSlot(PREFIX));
    }

    @Override
    RedisCache cache(String setup, Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(SETUPS.get(setup));
        options.putAll(extra);
        options.putAll(Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient", "SOCKET_TIMEOUT", 2,
                "SOCKET_CONNECT_TIMEOUT", 1, "RECONNECT_MAX_DELAY", 0.5));
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uris(), "KEY_PREFIX", PREFIX, "OPTIONS", options)));
        registries.add(caches);
        RedisCache cache = (RedisCache) caches.getDefault();
        cache.get("warm-up"); // connected before the servers change state
        return cache;
    }

    /** Every operation of one server's suite that names its keys (so not {@code keys}, which scans every primary). */
    private static Map<String, Function<RedisCache, Object>> keyedOperations() {
        Map<String, Function<RedisCache, Object>> all = new LinkedHashMap<>(reads());
        all.remove("keys");
        all.putAll(writes());
        return all;
    }

    @Override
    void refuseGrowth() {
        for (RedisNode primary : redis.get().primaries()) {
            primary.call("CONFIG", "SET", "maxmemory-policy", "noeviction");
            primary.call("CONFIG", "SET", "maxmemory", "1");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyOperationWhileThePrimariesRunALongScriptIsAServerErrorNamedBusy(String setup) throws Exception {
        RedisCache cache = cache(setup);
        List<RedisNode> primaries = redis.get().primaries(); // asked before they are busy and cannot say
        Map<RedisNode, CompletableFuture<Object>> scripts = new LinkedHashMap<>();
        try {
            for (RedisNode primary : primaries) {
                scripts.put(primary, startBusyScript(primary));
            }
            Map<String, Function<RedisCache, Object>> all = keyedOperations();
            all.put("keys", c -> c.keys("*"));
            assertEachFailsWith("BUSY", all, cache);
        } finally {
            for (Map.Entry<RedisNode, CompletableFuture<Object>> script : scripts.entrySet()) {
                endBusyScript(script.getKey(), script.getValue());
            }
        }
        assertThat(cache.get("k")).as("served again once the scripts end").isEqualTo(1L);
    }

    /**
     * A slot half migrated (MIGRATING on its owner, IMPORTING on another primary): a multi-key read
     * of one key there and one not yet there gets {@code TRYAGAIN}, which is sent again until the
     * socket timeout, then reported; ended migration while it is retried, the read succeeds.
     */
    @Test
    void aMultiKeyReadOfASlotBeingMigratedIsRetriedOnTryagainWithinTheSocketTimeout() throws Exception {
        RedisCache cache = cache("cluster");
        RedisNode owner = owner();
        RedisNode target = redis.get().primaries().stream().filter(primary -> primary != owner).findFirst()
                .orElseThrow();
        String slot = Integer.toString(SlotHash.getSlot(PREFIX));
        target.call("CLUSTER", "SETSLOT", slot, "IMPORTING", owner.call("CLUSTER", "MYID"));
        owner.call("CLUSTER", "SETSLOT", slot, "MIGRATING", target.call("CLUSTER", "MYID"));
        try {
            long start = System.nanoTime();
            assertThatThrownBy(() -> cache.getMany(List.of("k", "missing"))).isInstanceOf(CacheServerException.class)
                    .hasMessageContaining("(TRYAGAIN)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("retried within the 2 s socket timeout")
                    .isBetween(Duration.ofMillis(1_500), Duration.ofMillis(6_000));
            CompletableFuture<Map<String, Object>> retried = cache.async().getMany(List.of("k", "missing"));
            Thread.sleep(300);
            assertThat(retried).as("still retrying").isNotDone();
            stabilize(slot, owner, target);
            assertThat(retried.get(5, TimeUnit.SECONDS)).isEqualTo(Map.of("k", 1L));
        } finally {
            stabilize(slot, owner, target);
        }
    }

    private static void stabilize(String slot, RedisNode... nodes) {
        for (RedisNode node : nodes) {
            node.call("CLUSTER", "SETSLOT", slot, "STABLE");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyOperationOnALivePrimaryOfAClusterWithAShardDownIsAServerErrorNamedClusterdown(String setup)
            throws Exception {
        RedisCache cache = cache(setup);
        RedisNode owner = owner();
        RedisNode victim = redis.get().primaries().stream().filter(primary -> primary != owner).findFirst()
                .orElseThrow();
        redis.get().replicasOf(victim).forEach(RedisNode::kill);
        victim.kill();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!String.valueOf(owner.call("CLUSTER", "INFO")).contains("cluster_state:fail")) {
            assertThat(System.nanoTime()).as("the cluster reports itself down within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertEachFailsWith("CLUSTERDOWN", keyedOperations(), cache);
    }
}
