package org.cacheway.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import org.cacheway.cache.Timeout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.redisson.api.RBucket;

/**
 * W4: 90% get / 10% set with a 300 s timeout, meant for 16 threads sharing one cache (one
 * connection, as both Cacheway and a raw Lettuce user would), synchronously and asynchronously;
 * the peers synchronously, through their own connection handling (Spring's shared connection,
 * Redisson's pool).
 */
@State(Scope.Benchmark)
public class MixedBenchmark extends RedisBenchmark {
    private static final Timeout TIMEOUT = Timeout.seconds(BenchData.SET_TIMEOUT_SECONDS);

    private final String[] values = BenchData.values();

    private static boolean isWrite() {
        return ThreadLocalRandom.current().nextInt(10) == 0;
    }

    /** Cacheway's synchronous API. */
    @Benchmark
    public Object cacheway() {
        int i = nextIndex();
        return isWrite() ? cache.set(env.key(i), values[i], TIMEOUT) : cache.get(env.key(i));
    }

    /** Raw Lettuce, synchronous. */
    // SETEX: what raw Lettuce users send for a set with a timeout (Lettuce 7 deprecates the method
    // in favour of set(key, value, SetArgs), which sends the same command with more allocation).
    @Benchmark
    @SuppressWarnings("deprecation")
    public Object raw() {
        int i = nextIndex();
        return isWrite() ? raw.setex(env.finalKey(i), BenchData.SET_TIMEOUT_SECONDS, env.storedValue(i))
                : raw.get(env.finalKey(i));
    }

    /** Spring's {@code RedisCache}: {@code put} (the cache's 300 s TTL) or {@code get}, the value unwrapped. */
    @Benchmark
    public Object spring() {
        int i = nextIndex();
        if (isWrite()) {
            spring.cache().put(env.key(i), values[i]);
            return values[i];
        }
        return spring.cache().get(env.key(i)).get();
    }

    /** Redisson's {@code RBucket}: {@code set(value, 300 s)} or {@code get}. */
    @Benchmark
    public Object redisson() {
        int i = nextIndex();
        RBucket<Object> bucket = redisson.client().getBucket(env.finalKey(i));
        if (isWrite()) {
            bucket.set(values[i], BenchData.SET_TTL);
            return values[i];
        }
        return bucket.get();
    }

    /** Cacheway's asynchronous API, each call awaited. */
    @Benchmark
    public Object cachewayAsync() {
        int i = nextIndex();
        return isWrite() ? cache.async().set(env.key(i), values[i], TIMEOUT).join()
                : cache.async().get(env.key(i)).join();
    }

    /** Raw Lettuce, asynchronous, each call awaited. */
    // SETEX: what raw Lettuce users send for a set with a timeout (Lettuce 7 deprecates the method
    // in favour of set(key, value, SetArgs), which sends the same command with more allocation).
    @Benchmark
    @SuppressWarnings("deprecation")
    public Object rawAsync() {
        int i = nextIndex();
        return isWrite()
                ? rawAsync.setex(env.finalKey(i), BenchData.SET_TIMEOUT_SECONDS, env.storedValue(i))
                        .toCompletableFuture().join()
                : rawAsync.get(env.finalKey(i)).toCompletableFuture().join();
    }
}
