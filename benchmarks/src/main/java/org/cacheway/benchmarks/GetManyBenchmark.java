package org.cacheway.benchmarks;

import io.lettuce.core.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W3: get-many of 100 random keys per call ({@code MGET}, one round trip), or 100 gets where the
 * peer has no get-many; keys/s is calls/s times 100.
 */
@State(Scope.Benchmark)
public class GetManyBenchmark extends RedisBenchmark {
    private static final int BATCHES = 1024;

    private final List<List<String>> userBatches = new ArrayList<>();
    private final List<String[]> finalBatches = new ArrayList<>();

    @Override
    protected void prepare() {
        SplittableRandom random = new SplittableRandom(42);
        for (int b = 0; b < BATCHES; b++) {
            List<String> user = new ArrayList<>(BenchData.BATCH_SIZE);
            String[] made = new String[BenchData.BATCH_SIZE];
            for (int k = 0; k < BenchData.BATCH_SIZE; k++) {
                int i = random.nextInt(BenchData.KEY_COUNT);
                user.add(env.key(i));
                made[k] = env.finalKey(i);
            }
            userBatches.add(user);
            finalBatches.add(made);
        }
    }

    /** {@code cache.getMany(100 keys)}. */
    @Benchmark
    public Map<String, Object> cacheway() {
        return cache.getMany(userBatches.get(nextBatch()));
    }

    /** {@code MGET} of the same 100 final keys. */
    @Benchmark
    public List<KeyValue<String, byte[]>> raw() {
        return raw.mget(finalBatches.get(nextBatch()));
    }

    /** Spring's {@code Cache} has no get-many, nor its {@code RedisCacheWriter}: 100 {@code cache.get} calls. */
    @Benchmark
    public List<Object> spring() {
        List<Object> values = new ArrayList<>(BenchData.BATCH_SIZE);
        for (String key : userBatches.get(nextBatch())) {
            values.add(spring.cache().get(key).get());
        }
        return values;
    }

    /** Redisson's {@code getBuckets().get(100 final keys)} ({@code MGET}). */
    @Benchmark
    public Map<String, Object> redisson() {
        return redisson.client().getBuckets().get(finalBatches.get(nextBatch()));
    }

    private static int nextBatch() {
        return ThreadLocalRandom.current().nextInt(BATCHES);
    }
}
