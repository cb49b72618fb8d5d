package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.cache.redis.SetMode;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisReplicated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code WAIT_REPLICAS} waits exactly once per write, on the synchronous and the asynchronous face
 * alike: the primary's {@code INFO commandstats} counts one {@code WAIT} for each write.
 */
class ReplicaWaitOnceIT {
    @RegisterExtension
    static final RedisExtension<RedisReplicated> redis = RedisExtension.replicated(1);

    private Caches caches;
    private RedisCache cache;

    @BeforeEach
    void open() {
        redis.get().flushAll();
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", List.of(redis.get().primary().uri(0), redis.get().replicas().get(0).uri(0)),
                "OPTIONS", Map.of("WAIT_REPLICAS", 1, "WAIT_TIMEOUT", 2000, "SOCKET_TIMEOUT", 5))));
        cache = (RedisCache) caches.getDefault();
    }

    @AfterEach
    void close() {
        caches.close();
    }

    private static long waits(RedisNode node) {
        String stats = node.info("commandstats").get("cmdstat_wait");
        if (stats == null) {
            return 0;
        }
        String calls = stats.substring(stats.indexOf("calls=") + 6);
        return Long.parseLong(calls.substring(0, calls.indexOf(',')));
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                write("set", c -> c.set("k", 2, Timeout.seconds(60))),
                write("async set", c -> c.async().set("k", 2, Timeout.seconds(60))),
                write("add", c -> c.add("new", 2)),
                write("async add", c -> c.async().add("new", 2)),
                write("set NX", c -> c.set("new", 2, Timeout.seconds(5), SetMode.NX)),
                write("async set XX", c -> c.asyncExtras().set("k", 2, Timeout.seconds(5), SetMode.XX)),
                write("touch", c -> c.touch("k", Timeout.seconds(30))),
                write("async touch", c -> c.async().touch("k", Timeout.seconds(30))),
                write("touch for ever", c -> c.touch("k", Timeout.NEVER)),
                write("pexpire", c -> c.pexpire("k", 30_000)),
                write("async pexpire", c -> c.asyncExtras().pexpire("k", 30_000)),
                write("pexpireAt", c -> c.pexpireAt("k", System.currentTimeMillis() + 30_000)),
                write("async pexpireAt", c -> c.asyncExtras().pexpireAt("k", System.currentTimeMillis() + 30_000)),
                write("persist", c -> c.persist("k")),
                write("async persist", c -> c.asyncExtras().persist("k")),
                write("delete", c -> c.delete("k")),
                write("async delete", c -> c.async().delete("k")),
                write("incr", c -> c.incr("k")),
                write("async incr", c -> c.async().incr("k")),
                write("incr creating", c -> c.incr("n", 1, true)),
                write("async incr creating", c -> c.asyncExtras().incr("n", 1, true)),
                write("setMany", c -> c.setMany(Map.of("a", 1, "b", 2, "c", 3))),
                write("async setMany", c -> c.async().setMany(Map.of("a", 1, "b", 2, "c", 3))),
                write("deleteMany", c -> c.deleteMany(List.of("k", "a"))),
                write("async deleteMany", c -> c.async().deleteMany(List.of("k", "a"))),
                write("getOrSet of a missing key", c -> c.getOrSet("missing", () -> "v")),
                write("async getOrSet of a missing key", c -> c.async().getOrSet("missing", () -> "v")),
                write("sadd", c -> c.sadd("s", "a", "b")),
                write("async srem", c -> c.asyncCollections().srem("s", "a")),
                write("spop", c -> c.spop("s")),
                write("smove", c -> c.smove("{s}a", "{s}b", "m")),
                write("async sunionstore", c -> c.asyncCollections().sunionstore("{s}d", "{s}a", "{s}b")),
                write("hset", c -> c.hset("h", "f", 1)),
                write("async hdel", c -> c.asyncCollections().hdel("h", "f")));
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                write("smembers", c -> c.smembers("s")),
                write("async sismember", c -> c.asyncCollections().sismember("s", "a")),
                write("sunion", c -> c.sunion("{s}a", "{s}b")),
                write("srandmember", c -> c.srandmember("s", 2)),
                write("sscan", c -> c.sscan("s", null, 10)),
                write("hlen", c -> c.hlen("h")),
                write("async hkeys", c -> c.asyncCollections().hkeys("h")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void hashAndSetReadsDoNotWait(String name, Function<RedisCache, Object> read) throws Exception {
        cache.sadd("s", "a", "b");
        cache.hset("h", "f", 1);
        RedisNode primary = redis.get().primary();
        long before = waits(primary);
        completed(read.apply(cache));
        assertThat(waits(primary) - before).as("WAITs for %s", name).isZero();
    }

    private static Arguments write(String name, Function<RedisCache, Object> write) {
        return Arguments.of(name, write);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void everyWriteWaitsExactlyOnce(String name, Function<RedisCache, Object> write) throws Exception {
        cache.set("k", 1, Timeout.seconds(60));
        RedisNode primary = redis.get().primary();
        long before = waits(primary);
        completed(write.apply(cache));
        assertThat(waits(primary) - before).as("WAITs for %s", name).isEqualTo(1);
    }

    private static void completed(Object result) throws Exception {
        if (result instanceof CompletableFuture<?> future) {
            future.get(10, TimeUnit.SECONDS);
        }
    }
}
