package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.cacheway.cache.CacheServerException;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.Stages;
import org.cacheway.testsupport.RedisNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the server-state suites share, on one server ({@link RedisServerStateIT}), through
 * Sentinel ({@link RedisSentinelServerStateIT}) and on Cluster ({@link RedisClusterServerStateIT}):
 * the operations, the assertions, a long script for {@code BUSY}, and the {@code OOM} tests every
 * topology runs over its setups (a static {@code setups()} of the subclass names them).
 */
abstract class ServerStateSuite {

    /** A connected cache of the named setup, with {@code extra} options. */
    abstract RedisCache cache(String setup, Map<String, Object> extra);

    /** A connected cache of the named setup. */
    RedisCache cache(String setup) {
        return cache(setup, Map.of());
    }

    /** {@code maxmemory 1} under {@code noeviction} on every primary: each refuses writes that add data. */
    abstract void refuseGrowth();

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void everyWritePastMaxmemoryIsAServerErrorNamedOom(String setup) {
        RedisCache cache = cache(setup);
        refuseGrowth();
        assertEachFailsWith("OOM", growingWrites(), cache);
        assertThat(cache.get("k")).as("reads still work").isEqualTo(1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void failOpenAnswersOomAsAnOutage(String setup) {
        RedisCache cache = cache(setup, Map.of("IGNORE_EXCEPTIONS", true));
        refuseGrowth();
        assertFailOpenAnswersGrowingWritesAsOutages("OOM", cache);
    }

    /**
     * The policies the topology suites put around their client class, by name: {@code alone}
     * (none), herd, replica waits (warn mode, so a write past a state is judged by its reply alone)
     * and the near cache.
     */
    static Map<String, Map<String, Object>> policiesAround(String alone) {
        Map<String, Map<String, Object>> setups = new LinkedHashMap<>();
        setups.put(alone, Map.of());
        setups.put("herd", Map.of("HERD_TIMEOUT", 30));
        setups.put("replica wait", Map.of("WAIT_REPLICAS", 1, "WAIT_TIMEOUT", 500, "WAIT_MODE", "warn"));
        setups.put("near cache", Map.of("NEAR_CACHE", Map.of("MAX_ENTRIES", 100)));
        return setups;
    }

    /** Writes that add data, refused past {@code maxmemory}: both faces. */
    static Map<String, Function<RedisCache, Object>> growingWrites() {
        Map<String, Function<RedisCache, Object>> writes = new LinkedHashMap<>();
        writes.put("set", c -> c.set("k", "v"));
        writes.put("async set", c -> c.async().set("k", "v"));
        writes.put("add", c -> c.add("new", "v"));
        writes.put("async add", c -> c.async().add("new", "v"));
        writes.put("set NX", c -> c.set("new", "v", Timeout.seconds(5), SetMode.NX));
        writes.put("setMany", c -> c.setMany(Map.of("a", 1, "b", 2)));
        writes.put("async setMany", c -> c.async().setMany(Map.of("a", 1, "b", 2)));
        writes.put("incr", c -> c.incr("n"));
        writes.put("async incr", c -> c.async().incr("n"));
        writes.put("decr", c -> c.decr("n"));
        writes.put("async decr", c -> c.async().decr("n"));
        writes.put("incr creating", c -> c.incr("created", 1, true));
        writes.put("async incr creating", c -> c.asyncExtras().incr("created", 1, true));
        writes.put("getOrSet", c -> c.getOrSet("missing", () -> "v"));
        writes.put("async getOrSet", c -> c.async().getOrSet("missing", () -> "v"));
        return writes;
    }

    /** Every write: the growing ones, and those that remove data or change expiries. */
    static Map<String, Function<RedisCache, Object>> writes() {
        Map<String, Function<RedisCache, Object>> writes = growingWrites();
        writes.put("touch", c -> c.touch("k", Timeout.seconds(30)));
        writes.put("async touch", c -> c.async().touch("k", Timeout.seconds(30)));
        writes.put("touch for ever", c -> c.touch("k", Timeout.NEVER));
        writes.put("delete", c -> c.delete("k"));
        writes.put("async delete", c -> c.async().delete("k"));
        writes.put("deleteMany", c -> c.deleteMany(List.of("k", "n")));
        writes.put("expire", c -> c.expire("k", 30));
        writes.put("async expire", c -> c.asyncExtras().expire("k", 30));
        writes.put("persist", c -> c.persist("k"));
        return writes;
    }

    /** Every read, both faces. */
    static Map<String, Function<RedisCache, Object>> reads() {
        Map<String, Function<RedisCache, Object>> reads = new LinkedHashMap<>();
        reads.put("get", c -> c.get("k"));
        reads.put("async get", c -> c.async().get("k"));
        reads.put("getMany", c -> c.getMany(List.of("k", "n")));
        reads.put("async getMany", c -> c.async().getMany(List.of("k", "n")));
        reads.put("hasKey", c -> c.hasKey("k"));
        reads.put("async hasKey", c -> c.async().hasKey("k"));
        reads.put("ttl", c -> c.ttl("k"));
        reads.put("async ttl", c -> c.asyncExtras().ttl("k"));
        reads.put("keys", c -> c.keys("*"));
        return reads;
    }

    /** Runs {@code operation}, waiting for it when it is asynchronous; its result. */
    static Object run(Function<RedisCache, Object> operation, RedisCache cache) {
        Object result = operation.apply(cache);
        if (result instanceof CompletableFuture<?> future) {
            try {
                return future.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw Stages.rethrow(e);
            }
        }
        return result;
    }

    /** Asserts that every operation fails with a server error carrying {@code code}. */
    static void assertEachFailsWith(String code, Map<String, Function<RedisCache, Object>> operations,
            RedisCache cache) {
        SoftAssertions softly = new SoftAssertions();
        operations.forEach((name, operation) -> softly.assertThatThrownBy(() -> run(operation, cache))
                .as(name).isInstanceOf(CacheServerException.class)
                .hasMessageContaining("(" + code + ")")
                .satisfies(error -> assertThat(((CacheServerException) error).code()).isEqualTo(code)));
        softly.assertAll();
    }

    /**
     * Runs a script that never ends on {@code node}, from a thread of its own (the common pool may
     * have one thread, already blocked in another node's script), and returns once the node
     * answers BUSY.
     */
    static CompletableFuture<Object> startBusyScript(RedisNode node) throws Exception {
        node.call("CONFIG", "SET", "busy-reply-threshold", "50");
        CompletableFuture<Object> script = CompletableFuture.supplyAsync(() -> {
            try {
                return node.call("EVAL", "while true do end", "0");
            } catch (RuntimeException killed) {
                return killed;
            }
        }, run -> new Thread(run, "busy-script-" + node).start());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                node.call("PING"); // keyless: a cluster node would answer a key of another's slot MOVED
            } catch (RuntimeException busy) {
                if (String.valueOf(busy.getMessage()).contains("BUSY")) {
                    return script;
                }
            }
            Thread.sleep(20);
        }
        endBusyScript(node, script);
        throw new AssertionError("the script did not make " + node + " BUSY within 10 s");
    }

    /** Kills the script {@link #startBusyScript} started on {@code node} and waits for it to end. */
    static void endBusyScript(RedisNode node, CompletableFuture<Object> script) throws Exception {
        try {
            node.call("SCRIPT", "KILL");
        } catch (RuntimeException notBusy) {
            if (!String.valueOf(notBusy.getMessage()).contains("NOTBUSY")) {
                throw notBusy;
            }
        }
        script.get(10, TimeUnit.SECONDS);
    }

    /**
     * Asserts that a fail-open {@code cache} answers the writes that add data as outages while the
     * server refuses them with {@code code}, and that arithmetic, which never fails open, still throws.
     */
    static void assertFailOpenAnswersGrowingWritesAsOutages(String code, RedisCache cache) {
        assertThat(cache.set("k", "v")).isFalse();
        assertThat(cache.add("new", "v")).isFalse();
        assertThat(cache.setMany(Map.of("a", 1))).containsExactly("a");
        assertThat(cache.getOrSet("missing", () -> "computed")).isEqualTo("computed");
        assertThatThrownBy(() -> cache.incr("n")).isInstanceOf(CacheServerException.class)
                .hasMessageContaining("(" + code + ")");
    }
}
