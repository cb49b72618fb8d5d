package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisStandalone;
import org.cacheway.testsupport.RedisTopologies;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reliability figures of the adversarial run, measured on real servers under 8 threads of
 * load: a server killed with SIGKILL and restarted, and one frozen with SIGSTOP past the socket
 * timeout, in strict and fail-open mode (errors and their types, the longest call, the time to
 * recover with no restart of the cache), and increments counted while every client connection is
 * killed again and again ({@code CLIENT KILL}) on the default and shard clients: the final count
 * is at least every acknowledged increment and at most those plus the failed ones. Each test
 * prints a {@code RELIABILITY FIGURES} line and asserts bounds generous enough for a loaded
 * 2-core machine. Loopback only; every loop is bounded in time.
 */
class RedisReliabilityIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final int THREADS = 8;
    private static final double SOCKET_TIMEOUT_SECONDS = 0.5;
    /** The longest a call may take: the socket timeout and slack for a loaded machine. */
    private static final long LONGEST_CALL_BOUND_MILLIS = 4_500;
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(20);
    /** The exception types a strict cache may throw during an outage. */
    private static final Set<String> OUTAGE_ERRORS = Set.of("CacheConnectionException", "CacheTimeoutException");

    /** A second independent server, for the shard client. */
    private static RedisStandalone second;
    private Caches caches;

    @BeforeAll
    static void startSecondServer() {
        second = RedisTopologies.standalone();
    }

    @AfterAll
    static void stopSecondServer() {
        second.close();
    }

    @BeforeEach
    void open() {
        RedisNode server = redis.get().server();
        if (!server.isRunning()) {
            server.restart();
        }
        redis.get().flushAll();
        second.flushAll();
    }

    @AfterEach
    void close() {
        RedisNode server = redis.get().server();
        server.resume();
        if (!server.isRunning()) {
            server.restart();
        }
        if (caches != null) {
            caches.close();
        }
    }

    private RedisCache cache(boolean failOpen, String clientClass, List<String> location) {
        Map<String, Object> options = new HashMap<>(Map.of("CLIENT_CLASS", clientClass,
                "SOCKET_TIMEOUT", SOCKET_TIMEOUT_SECONDS, "SOCKET_CONNECT_TIMEOUT", SOCKET_TIMEOUT_SECONDS,
                "RECONNECT_MAX_DELAY", 0.2));
        if (failOpen) {
            options.put("IGNORE_EXCEPTIONS", true);
        }
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", location, "OPTIONS", options)));
        RedisCache cache = (RedisCache) caches.getDefault();
        cache.set("warm-up", 1); // connected and warmed up: the figures measure the fault, not the first connect
        return cache;
    }

    private RedisCache cache(boolean failOpen) {
        return cache(failOpen, "django_redis.client.DefaultClient", List.of(redis.get().uri(0)));
    }

    /** A fail-open answer (a write not stored, a miss): what fail-open gives instead of an error. */
    private static final class Fallback extends Exception {
        private static final long serialVersionUID = 1L;

        Fallback() {
            super("answered by fail-open", null, false, false);
        }
    }

    /** Each call: a set, then a get of the same key, which a fail-open miss reports as {@link Fallback}. */
    private static LoadProbe setGetLoad(RedisCache cache) {
        return LoadProbe.start(THREADS, (thread, i) -> {
            String key = "load-" + thread + "-" + (i % 50);
            if (!cache.set(key, i, Timeout.seconds(300)) || !Long.valueOf(i).equals(cache.get(key))) {
                throw new Fallback();
            }
        });
    }

    private static void report(String fault, boolean failOpen, LoadProbe load, long recoveryMillis) {
        System.out.printf("RELIABILITY FIGURES [%s, %s, %d threads, SOCKET_TIMEOUT %.1f s]: %d calls, %d errors %s, "
                        + "longest call %d ms, recovered %d ms after the server was back (last error: %s)%n", fault,
                failOpen ? "fail-open" : "strict", THREADS, SOCKET_TIMEOUT_SECONDS, load.calls(), load.failures(),
                load.failuresByType(), load.longestMillis(), recoveryMillis, load.lastError());
    }

    private static void assertBounded(boolean failOpen, LoadProbe load, long recoveryMillis) {
        assertThat(load.failuresByType().keySet()).as("errors by type")
                .isSubsetOf(failOpen ? Set.of("Fallback") : OUTAGE_ERRORS);
        assertThat(load.longestMillis()).as("longest call (ms)").isLessThan(LONGEST_CALL_BOUND_MILLIS);
        assertThat(recoveryMillis).as("recovery (ms)").isBetween(0L, RECOVERY_LIMIT.toMillis());
    }

    @ParameterizedTest(name = "fail-open {0}")
    @ValueSource(booleans = {false, true})
    void aServerKilledAndRestartedUnderLoadCostsTypedErrorsWithinTheTimeoutAndRecovers(boolean failOpen)
            throws Exception {
        RedisCache cache = cache(failOpen);
        long recovery;
        try (LoadProbe load = setGetLoad(cache)) {
            Thread.sleep(1_000);
            redis.get().server().kill();
            Thread.sleep(2_000);
            redis.get().server().restart();
            load.mark();
            recovery = load.awaitRecovery(Duration.ofSeconds(1), RECOVERY_LIMIT);
            load.close();
            report("kill -9, restart after 2 s", failOpen, load, recovery);
            assertThat(load.failures()).as("the outage was seen").isPositive();
            assertBounded(failOpen, load, recovery);
        }
    }

    @ParameterizedTest(name = "fail-open {0}")
    @ValueSource(booleans = {false, true})
    void aServerFrozenPastTheSocketTimeoutCostsTypedErrorsWithinTheTimeoutAndRecovers(boolean failOpen)
            throws Exception {
        RedisCache cache = cache(failOpen);
        long recovery;
        try (LoadProbe load = setGetLoad(cache)) {
            Thread.sleep(1_000);
            redis.get().server().pause();
            Thread.sleep(2_000);
            redis.get().server().resume();
            load.mark();
            recovery = load.awaitRecovery(Duration.ofSeconds(1), RECOVERY_LIMIT);
            load.close();
            report("SIGSTOP for 2 s", failOpen, load, recovery);
            assertThat(load.failures()).as("the freeze was seen").isPositive();
            assertBounded(failOpen, load, recovery);
            if (!failOpen) {
                assertThat(load.failuresByType()).containsKey("CacheTimeoutException");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"django_redis.client.DefaultClient", "django_redis.client.ShardClient"})
    void everyAcknowledgedIncrementSurvivesConnectionKills(String clientClass) throws Exception {
        boolean shards = clientClass.endsWith("ShardClient");
        List<RedisNode> servers = shards ? List.of(redis.get().server(), second.server()) : List.of(redis.get().server());
        RedisCache cache = cache(false, clientClass, servers.stream().map(server -> server.uri(0)).toList());
        IncrementCount count = IncrementCount.run(cache, THREADS, Duration.ofSeconds(5), load -> {
            long killed = 0;
            for (RedisNode server : servers) {
                killed += (Long) server.call("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
            }
            return killed;
        });
        System.out.printf("RELIABILITY FIGURES [increments, %s, CLIENT KILL every 200 ms]: %s%n",
                clientClass.substring(clientClass.lastIndexOf('.') + 1), count);
        count.assertNoAcknowledgedIncrementLost(OUTAGE_ERRORS);
    }
}
