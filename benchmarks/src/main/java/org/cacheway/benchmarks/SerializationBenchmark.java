package org.cacheway.benchmarks;

import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.codec.ValueCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * W5's serialization alone, without Redis: encode then decode the ~4 KiB object with the codec a
 * {@code RedisCache} configured with the JSON serializer uses. This is the time W5's target bounds
 * (at most 15% of a W1 get), measured without two network round trips' noise around it.
 */
@State(Scope.Benchmark)
public class SerializationBenchmark {
    private ValueCodec codec;
    private Map<String, Object> object;

    /** The codec of the benchmark's settings (no server needed: connections are made on first use). */
    @Setup(Level.Trial)
    public void buildCodec() {
        try (Caches caches = Caches.fromSettings(BenchEnvironment.settings("redis://127.0.0.1:1/0",
                BenchEnvironment.DEFAULT_CLIENT))) {
            Cache cache = caches.getDefault();
            codec = ((org.cacheway.cache.base.BaseCache) cache).codec();
        }
        object = BenchData.nestedObject(0);
    }

    /** {@code decode(encode(object))}: what W5's set and get add over moving the bytes. */
    @Benchmark
    public Object encodeDecode() {
        return codec.decode(codec.encode(object));
    }
}
