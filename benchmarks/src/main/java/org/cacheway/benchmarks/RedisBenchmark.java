package org.cacheway.benchmarks;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.concurrent.ThreadLocalRandom;
import org.cacheway.cache.Cache;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The base of every JMH workload: a {@link BenchEnvironment} (own server, preloaded keys) per
 * trial, with Cacheway's default cache and the raw Lettuce commands at hand. Subclasses add their
 * own data in {@link #prepare()} and declare one {@code cacheway} and one {@code raw} method.
 */
public abstract class RedisBenchmark {
    /** The server, cache and raw connection of this trial. */
    protected BenchEnvironment env;
    /** Cacheway's default cache, as a user gets it from {@code Caches}. */
    protected Cache cache;
    /** Raw Lettuce, synchronous. */
    protected RedisCommands<String, byte[]> raw;
    /** Raw Lettuce, asynchronous. */
    protected RedisAsyncCommands<String, byte[]> rawAsync;

    /** Starts the server, preloads it and lets the subclass prepare its data. */
    @Setup(Level.Trial)
    public void startRedis() {
        env = BenchEnvironment.acquire();
        cache = env.cache();
        raw = env.raw().sync();
        rawAsync = env.raw().async();
        prepare();
    }

    /** Workload-specific data, written after the preload; nothing by default. */
    protected void prepare() {
    }

    /** Stops the server and closes both clients. */
    @TearDown(Level.Trial)
    public void stopRedis() {
        env.release();
    }

    /** A uniformly random entry index. */
    protected static int nextIndex() {
        return ThreadLocalRandom.current().nextInt(BenchData.KEY_COUNT);
    }
}
