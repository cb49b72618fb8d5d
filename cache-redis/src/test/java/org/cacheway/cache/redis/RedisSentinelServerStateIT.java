package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisSentinelGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Server-state replies through test-support's Sentinel group, for the sentinel client alone,
 * with herd, with replica waits and with the near cache: {@code OOM} from the primary past
 * {@code maxmemory} and {@code NOREPLICAS} under {@code min-replicas-to-write}, with every
 * operation of {@link RedisServerStateIT} on both faces, and fail-open answering them as outages. (A long script is left to the one-server
 * and cluster suites: Sentinel itself sends {@code SCRIPT KILL} to a primary it sees answer
 * {@code BUSY}.)
 */
class RedisSentinelServerStateIT extends ServerStateSuite {
    @RegisterExtension
    static final RedisExtension<RedisSentinelGroup> redis = RedisExtension.sentinel();

    private static final Map<String, Map<String, Object>> SETUPS = policiesAround("sentinel");

    private final List<Caches> registries = new ArrayList<>();

    static Stream<String> setups() {
        return SETUPS.keySet().stream();
    }

    private static RedisNode primary() {
        return redis.get().primary();
    }

    @BeforeEach
    void seed() {
        redis.get().flushAll();
        primary().call("SET", ":1:k", "1");
        primary().call("SET", ":1:n", "5");
    }

    @AfterEach
    void restore() {
        registries.forEach(Caches::close);
        primary().call("CONFIG", "SET", "maxmemory", "0");
        primary().call("CONFIG", "SET", "min-replicas-to-write", "0");
    }

    @Override
    RedisCache cache(String setup, Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(SETUPS.get(setup));
        options.putAll(extra);
        options.putAll(Map.of("CLIENT_CLASS", "django_redis.client.SentinelClient", "SOCKET_TIMEOUT", 5));
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().sentinelUri(0), "OPTIONS", options)));
        registries.add(caches);
        RedisCache cache = (RedisCache) caches.getDefault();
        cache.get("warm-up"); // connected before the server changes state
        return cache;
    }

    @Override
    void refuseGrowth() {
        primary().call("CONFIG", "SET", "maxmemory-policy", "noeviction");
        primary().call("CONFIG", "SET", "maxmemory", "1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyWriteWithoutEnoughReplicasIsAServerErrorNamedNoreplicas(String setup) {
        RedisCache cache = cache(setup);
        primary().call("CONFIG", "SET", "min-replicas-to-write", "5");
        assertEachFailsWith("NOREPLICAS", writes(), cache);
    }
}
