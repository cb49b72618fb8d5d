package org.cacheway.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** W1: get of an existing key (Cacheway and the peers decode the JSON string; raw returns the bytes). */
@State(Scope.Benchmark)
public class GetBenchmark extends RedisBenchmark {

    /** {@code cache.get("bench:<i>")}. */
    @Benchmark
    public Object cacheway() {
        return cache.get(env.key(nextIndex()));
    }

    /** {@code GET :1:bench:<i>}. */
    @Benchmark
    public byte[] raw() {
        return raw.get(env.finalKey(nextIndex()));
    }

    /** Spring's {@code cache.get("bench:<i>")}, the value unwrapped. */
    @Benchmark
    public Object spring() {
        return spring.cache().get(env.key(nextIndex())).get();
    }

    /** Redisson's {@code getBucket(":1:bench:<i>").get()}. */
    @Benchmark
    public Object redisson() {
        return redisson.client().getBucket(env.finalKey(nextIndex())).get();
    }
}
