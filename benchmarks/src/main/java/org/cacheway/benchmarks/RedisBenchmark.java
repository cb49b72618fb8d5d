package org.cacheway.benchmarks;

import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.concurrent.ThreadLocalRandom;
import org.cacheway.cache.Cache;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The base of every JMH workload: a {@link BenchEnvironment} (own server, preloaded keys) per
 * trial, with Cacheway's default cache and the raw Lettuce commands at hand. Subclasses add their
 * own data in {@link #prepare()} and declare one {@code cacheway} and one {@code raw} method, and
 * one method per {@link Peer} they measure, named {@link Peer#method()}: the trials of that method,
 * and only those, have the peer's client in {@link #spring} or {@link #redisson}.
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
    /** Spring Data Redis in the trials of the {@code spring} method, else null. */
    protected SpringPeer spring;
    /** Redisson in the trials of the {@code redisson} method, else null. */
    protected RedissonPeer redisson;
    /** The benchmark method this trial measures. */
    protected String method;

    /** Starts the server, preloads it, connects the measured peer if any and lets the subclass prepare its data. */
    @Setup(Level.Trial)
    public void startRedis(BenchmarkParams params) {
        env = BenchEnvironment.acquire();
        cache = env.cache();
        raw = env.raw().sync();
        rawAsync = env.raw().async();
        Peer peer = Peer.measuredBy(params.getBenchmark()).orElse(null);
        spring = peer == Peer.SPRING ? env.spring() : null;
        redisson = peer == Peer.REDISSON ? env.redisson() : null;
        method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        prepare();
    }

    /** Workload-specific data, written after the preload; nothing by default. */
    protected void prepare() {
    }

    /** Stops the server and closes every client. */
    @TearDown(Level.Trial)
    public void stopRedis() {
        env.release();
    }

    /** A uniformly random entry index. */
    protected static int nextIndex() {
        return ThreadLocalRandom.current().nextInt(BenchData.KEY_COUNT);
    }
}
