package org.cacheway.benchmarks;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.cacheway.cache.Timeout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.redisson.api.RBucket;

/**
 * W5: set then get of a ~4 KiB nested object (50 fields) through the JSON serializer: a
 * {@code Map} for Cacheway and the peers (their Jackson writes compact JSON, a little shorter than
 * Python's {@code json.dumps} separators Cacheway keeps), the same JSON bytes for raw Lettuce (no
 * parsing).
 */
@State(Scope.Benchmark)
public class ObjectBenchmark extends RedisBenchmark {
    private static final int OBJECTS = 100;
    private static final Timeout TIMEOUT = Timeout.seconds(BenchData.SET_TIMEOUT_SECONDS);

    private final String[] keys = new String[OBJECTS];
    private final String[] finalKeys = new String[OBJECTS];
    private final Object[] objects = new Object[OBJECTS];
    private final byte[][] json = new byte[OBJECTS][];

    @Override
    protected void prepare() {
        for (int i = 0; i < OBJECTS; i++) {
            Map<String, Object> object = BenchData.nestedObject(i);
            keys[i] = "object:" + i;
            finalKeys[i] = cache.makeKey(keys[i]);
            objects[i] = object;
            cache.set(keys[i], object, TIMEOUT);
            json[i] = raw.get(finalKeys[i]);
        }
    }

    /** Size of the stored JSON of object 0, in bytes. */
    int jsonSize() {
        return json[0].length;
    }

    /** {@code cache.set(key, map, 300 s)} then {@code cache.get(key)}. */
    @Benchmark
    public Object cacheway() {
        int i = ThreadLocalRandom.current().nextInt(OBJECTS);
        cache.set(keys[i], objects[i], TIMEOUT);
        return cache.get(keys[i]);
    }

    /** {@code SETEX} then {@code GET} of the same JSON bytes. */
    // SETEX: what raw Lettuce users send for a set with a timeout (Lettuce 7 deprecates the method
    // in favour of set(key, value, SetArgs), which sends the same command with more allocation).
    @Benchmark
    @SuppressWarnings("deprecation")
    public byte[] raw() {
        int i = ThreadLocalRandom.current().nextInt(OBJECTS);
        raw.setex(finalKeys[i], BenchData.SET_TIMEOUT_SECONDS, json[i]);
        return raw.get(finalKeys[i]);
    }

    /** Spring's {@code cache.put(key, map)} then {@code cache.get(key)}, through its Jackson serializer. */
    @Benchmark
    public Object spring() {
        int i = ThreadLocalRandom.current().nextInt(OBJECTS);
        spring.cache().put(keys[i], objects[i]);
        return spring.cache().get(keys[i]).get();
    }

    /** Redisson's {@code getBucket(final key)}: {@code set(map, 300 s)} then {@code get()}, through its JSON codec. */
    @Benchmark
    public Object redisson() {
        int i = ThreadLocalRandom.current().nextInt(OBJECTS);
        RBucket<Object> bucket = redisson.client().getBucket(finalKeys[i]);
        bucket.set(objects[i], BenchData.SET_TTL);
        return bucket.get();
    }
}
