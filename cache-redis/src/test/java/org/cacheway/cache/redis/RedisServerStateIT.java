package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import org.cacheway.cache.CacheValueException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisStandalone;
import org.cacheway.testsupport.RespClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error replies that report the server's state, made by real servers: a replica's
 * {@code READONLY}, {@code OOM} past {@code maxmemory} under {@code noeviction},
 * {@code NOREPLICAS} under {@code min-replicas-to-write}, {@code MASTERDOWN} from a replica cut
 * off from its primary, {@code BUSY} during a long script and {@code LOADING} during
 * {@code DEBUG RELOAD}. Every operation, on both faces and on the default client (alone and with
 * read replicas), shard, herd, replica waits and the near cache ({@code SETUPS}), fails with a
 * {@link CacheServerException} carrying the code (the arithmetic ones included, which once said
 * the value was not an integer), fail-open answers them as outages, and
 * {@code LOADING} is retried within the socket timeout.
 */
class RedisServerStateIT extends ServerStateSuite {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private final List<Caches> registries = new ArrayList<>();

    /**
     * The client classes and policies on one server, by name: the default client, the same with
     * the server listed again as its read replica, shard, herd, replica waits and near cache.
     */
    private static final Map<String, Map<String, Object>> SETUPS = Map.of(
            "default", Map.of("CLIENT_CLASS", "django_redis.client.DefaultClient"),
            "replicas", Map.of("CLIENT_CLASS", "django_redis.client.DefaultClient"),
            "shard", Map.of("CLIENT_CLASS", "django_redis.client.ShardClient"),
            "herd", Map.of("CLIENT_CLASS", "django_redis.client.HerdClient"),
            "replica wait", Map.of("WAIT_REPLICAS", 1, "WAIT_TIMEOUT", 100, "WAIT_MODE", "warn"),
            "near cache", Map.of("NEAR_CACHE", Map.of("MAX_ENTRIES", 100)));

    static Stream<String> setups() {
        return Stream.of("default", "replicas", "shard", "herd", "replica wait", "near cache");
    }

    private static RedisNode server() {
        return redis.get().server();
    }

    @BeforeEach
    void seed() {
        redis.get().flushAll();
        server().call("SET", ":1:k", "1");
        server().call("SET", ":1:n", "5");
    }

    @AfterEach
    void restore() {
        registries.forEach(Caches::close);
        server().call("CONFIG", "SET", "maxmemory", "0");
        server().call("CONFIG", "SET", "min-replicas-to-write", "0");
        server().call("CONFIG", "SET", "replica-serve-stale-data", "yes");
        server().call("CONFIG", "SET", "key-load-delay", "0");
        server().call("REPLICAOF", "NO", "ONE");
    }

    @Override
    RedisCache cache(String setup, Map<String, Object> extra) {
        Map<String, Object> options = new HashMap<>(SETUPS.get(setup));
        options.put("SOCKET_TIMEOUT", 5);
        options.putAll(extra);
        Object location = setup.equals("replicas") ? List.of(redis.get().uri(0), redis.get().uri(0))
                : redis.get().uri(0);
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", location, "OPTIONS", options)));
        registries.add(caches);
        RedisCache cache = (RedisCache) caches.getDefault();
        cache.get("warm-up"); // connected before the server changes state
        return cache;
    }

    @Override
    void refuseGrowth() {
        server().call("CONFIG", "SET", "maxmemory-policy", "noeviction");
        server().call("CONFIG", "SET", "maxmemory", "1");
    }

    private static int deadPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the server a replica of a primary that does not answer: writes get READONLY. */
    private static void makeReplicaOfNothing() {
        server().call("REPLICAOF", "127.0.0.1", Integer.toString(deadPort()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyWriteToAReplicaIsAServerErrorNamedReadonly(String setup) {
        RedisCache cache = cache(setup);
        makeReplicaOfNothing();
        assertEachFailsWith("READONLY", writes(), cache);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyWriteWithoutEnoughReplicasIsAServerErrorNamedNoreplicas(String setup) {
        RedisCache cache = cache(setup);
        server().call("CONFIG", "SET", "min-replicas-to-write", "1");
        assertEachFailsWith("NOREPLICAS", writes(), cache);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyReadOfAReplicaCutOffFromItsPrimaryIsAServerErrorNamedMasterdown(String setup) {
        RedisCache cache = cache(setup);
        server().call("CONFIG", "SET", "replica-serve-stale-data", "no");
        makeReplicaOfNothing();
        assertEachFailsWith("MASTERDOWN", reads(), cache);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyOperationDuringALongScriptIsAServerErrorNamedBusy(String setup) throws Exception {
        RedisCache cache = cache(setup);
        Map<String, Function<RedisCache, Object>> all = new LinkedHashMap<>(reads());
        all.putAll(writes());
        CompletableFuture<Object> script = startBusyScript(server());
        try {
            assertEachFailsWith("BUSY", all, cache);
        } finally {
            endBusyScript(server(), script);
        }
        assertThat(cache.get("k")).as("served again once the script ends").isEqualTo(1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void failOpenAnswersServerStatesAsOutagesButArithmeticStillThrows(String setup) {
        RedisCache cache = cache(setup, Map.of("IGNORE_EXCEPTIONS", true));
        server().call("CONFIG", "SET", "replica-serve-stale-data", "no");
        makeReplicaOfNothing();
        assertFailOpenAnswersGrowingWritesAsOutages("MASTERDOWN", cache);
        assertThat(cache.delete("k")).isFalse();
        assertThat(cache.touch("k", Timeout.seconds(5))).isFalse();
        assertThat(cache.get("k")).isNull();
        assertThat(cache.getMany(List.of("k"))).isEmpty();
        assertThat(cache.hasKey("k")).isFalse();
        assertThat(cache.ttl("k")).isZero();
    }

    @Test
    void arithmeticOnAValueThatDoesNotSuitItIsStillAValueError() {
        RedisCache cache = cache("default");
        server().call("SET", ":1:text", "abc");
        server().call("HSET", ":1:hash", "f", "v");
        server().call("SET", ":1:max", Long.toString(Long.MAX_VALUE));
        assertThatThrownBy(() -> cache.incr("text")).isInstanceOf(CacheValueException.class)
                .hasMessageContaining("not an integer");
        assertThatThrownBy(() -> cache.incr("hash", 1, true)).isInstanceOf(CacheValueException.class)
                .hasMessageContaining("another Redis type");
        assertThatThrownBy(() -> cache.incr("max")).isInstanceOf(CacheValueException.class)
                .hasMessageContaining("overflow");
    }

    /** Fills the server and starts {@code DEBUG RELOAD}, which then loads for about {@code loadMillis}. */
    private static CompletableFuture<Object> reloadSlowly(long loadMillis) throws InterruptedException {
        int keys = 2_000;
        server().call("DEBUG", "POPULATE", Integer.toString(keys), "filler");
        server().call("CONFIG", "SET", "loading-process-events-interval-bytes", "1024");
        server().call("CONFIG", "SET", "key-load-delay", Long.toString(loadMillis * 1000 / keys));
        CompletableFuture<Object> reload = CompletableFuture.supplyAsync(() -> {
            try (RespClient admin = RespClient.connect(server().host(), server().port(), Duration.ofSeconds(60))) {
                return admin.call("DEBUG", "RELOAD");
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"1".equals(server().info("persistence").get("loading"))) {
            if (System.nanoTime() > deadline || reload.isDone()) {
                throw new AssertionError("DEBUG RELOAD did not start loading");
            }
            Thread.sleep(5);
        }
        return reload;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void operationsDuringLoadingAreRetriedUntilTheServerHasLoaded(String setup) throws Exception {
        RedisCache cache = cache(setup);
        CompletableFuture<Object> reload = reloadSlowly(1_000);
        long start = System.nanoTime();
        assertThat(cache.get("k")).isEqualTo(1L);
        assertThat(cache.incr("n")).isEqualTo(6L);
        assertThat(cache.set("k", "v")).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the load").isGreaterThan(
                Duration.ofMillis(200));
        assertThat(reload.get(10, TimeUnit.SECONDS)).isEqualTo("OK");
    }

    @Test
    void loadingLongerThanTheSocketTimeoutIsAServerErrorNamedLoading() throws Exception {
        RedisCache cache = cache("default", Map.of("SOCKET_TIMEOUT", 0.3));
        CompletableFuture<Object> reload = reloadSlowly(2_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> cache.incr("n")).isInstanceOf(CacheServerException.class)
                .hasMessageContaining("(LOADING)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("retried within the socket timeout")
                .isBetween(Duration.ofMillis(200), Duration.ofMillis(1_500));
        assertThat(reload.get(30, TimeUnit.SECONDS)).isEqualTo("OK");
    }
}
