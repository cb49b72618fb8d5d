package org.cacheway.benchmarks;

import org.cacheway.cache.Timeout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** W2: set with a 300 s timeout (Cacheway and the peers encode the string; raw sends the bytes Cacheway stores). */
@State(Scope.Benchmark)
public class SetBenchmark extends RedisBenchmark {
    private static final Timeout TIMEOUT = Timeout.seconds(BenchData.SET_TIMEOUT_SECONDS);

    private final String[] values = BenchData.values();

    /** {@code cache.set("bench:<i>", value, 300 s)}. */
    @Benchmark
    public boolean cacheway() {
        int i = nextIndex();
        return cache.set(env.key(i), values[i], TIMEOUT);
    }

    /** {@code SETEX :1:bench:<i> 300 "value"}. */
    // SETEX: what raw Lettuce users send for a set with a timeout (Lettuce 7 deprecates the method
    // in favour of set(key, value, SetArgs), which sends the same command with more allocation).
    @Benchmark
    @SuppressWarnings("deprecation")
    public String raw() {
        int i = nextIndex();
        return raw.setex(env.finalKey(i), BenchData.SET_TIMEOUT_SECONDS, env.storedValue(i));
    }

    /** Spring's {@code cache.put("bench:<i>", value)}, the cache's TTL being 300 s. */
    @Benchmark
    public void spring() {
        int i = nextIndex();
        spring.cache().put(env.key(i), values[i]);
    }

    /** Redisson's {@code getBucket(":1:bench:<i>").set(value, 300 s)}. */
    @Benchmark
    public void redisson() {
        int i = nextIndex();
        redisson.client().getBucket(env.finalKey(i)).set(values[i], BenchData.SET_TTL);
    }
}
