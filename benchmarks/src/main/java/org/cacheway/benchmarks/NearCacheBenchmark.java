package org.cacheway.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Timeout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W1 and W4 with {@code NEAR_CACHE}: the same get (1 thread) and 90% get / 10% set (16 threads)
 * through a cache whose local copy holds every preloaded key, beside raw Lettuce and Jedis (a
 * pool of blocking connections) on the same server and keys. The near cache's sets drop the key
 * locally, so W4's next get of it goes to Redis once.
 */
@State(Scope.Benchmark)
public class NearCacheBenchmark extends RedisBenchmark {
    private static final Timeout TIMEOUT = Timeout.seconds(BenchData.SET_TIMEOUT_SECONDS);

    private final String[] values = BenchData.values();
    private final byte[][] finalKeys = new byte[BenchData.KEY_COUNT][];
    private Cache near;
    private JedisPeer jedis;

    /** Connects only the side this trial measures: the warmed near cache or Jedis. */
    @Override
    protected void prepare() {
        if (method.startsWith("near")) {
            near = env.nearCache();
        } else if (method.startsWith("jedis")) {
            jedis = env.jedis();
            for (int i = 0; i < finalKeys.length; i++) {
                finalKeys[i] = env.finalKey(i).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    private static boolean isWrite() {
        return ThreadLocalRandom.current().nextInt(10) == 0;
    }

    /** W1 through the near cache: {@code cache.get("bench:<i>")}, answered locally. */
    @Benchmark
    public Object nearGet() {
        return near.get(env.key(nextIndex()));
    }

    /** W1 raw: {@code GET :1:bench:<i>}. */
    @Benchmark
    public byte[] rawGet() {
        return raw.get(env.finalKey(nextIndex()));
    }

    /** W1 on Jedis: {@code GET :1:bench:<i>} on a pooled blocking connection. */
    @Benchmark
    public byte[] jedisGet() {
        return jedis.get(finalKeys[nextIndex()]);
    }

    /** W4 through the near cache. */
    @Benchmark
    public Object nearMixed() {
        int i = nextIndex();
        return isWrite() ? near.set(env.key(i), values[i], TIMEOUT) : near.get(env.key(i));
    }

    /** W4 raw, synchronous ({@code SETEX}, as {@link MixedBenchmark#raw()}). */
    @Benchmark
    @SuppressWarnings("deprecation")
    public Object rawMixed() {
        int i = nextIndex();
        return isWrite() ? raw.setex(env.finalKey(i), BenchData.SET_TIMEOUT_SECONDS, env.storedValue(i))
                : raw.get(env.finalKey(i));
    }

    /** W4 on Jedis. */
    @Benchmark
    public Object jedisMixed() {
        int i = nextIndex();
        return isWrite() ? jedis.setex(finalKeys[i], BenchData.SET_TIMEOUT_SECONDS, env.storedValue(i))
                : jedis.get(finalKeys[i]);
    }
}
