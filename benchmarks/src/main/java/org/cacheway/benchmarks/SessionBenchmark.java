package org.cacheway.benchmarks;

import java.util.Map;
import org.cacheway.session.Session;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * W6: the session cycle (load by key, change one attribute, save) for Django's cache engine over
 * {@code RedisCache} and for the {@code RedisSessionStore} hash store, each beside raw Lettuce's
 * own load-modify-save of the same record, and the peers' own session cycles (Spring Session,
 * Redisson's {@code RMap}). The runner runs it at 1 and at 16 threads.
 */
@State(Scope.Benchmark)
public class SessionBenchmark extends RedisBenchmark {
    private SessionFixture sessions;
    private SpringSessionFixture springSessions;
    private RedissonSessionFixture redissonSessions;

    /** The sessions of the side this trial measures. */
    @Override
    protected void prepare() {
        if (spring != null) {
            springSessions = spring.sessions();
        } else if (redisson != null) {
            redissonSessions = redisson.sessions();
        } else {
            sessions = new SessionFixture(env);
        }
    }

    /** Cacheway's cache engine. */
    @Benchmark
    public Session cachewayCacheEngine() {
        return sessions.cacheEngineCycle();
    }

    /** Raw GET/SETEX of the cache engine's JSON blob. */
    @Benchmark
    public String rawCacheEngine() {
        return sessions.rawBlobCycle();
    }

    /** Cacheway's hash store. */
    @Benchmark
    public Session cachewayHashStore() {
        return sessions.hashStoreCycle();
    }

    /** Raw HGETALL/HSET of the hash store's record. */
    @Benchmark
    public Boolean rawHashStore() {
        return sessions.rawHashCycle();
    }

    /** Spring Session's {@code RedisSessionRepository}. */
    @Benchmark
    public org.springframework.session.Session spring() {
        return springSessions.cycle();
    }

    /** Redisson, a session as an {@code RMap}. */
    @Benchmark
    public Map<String, Object> redisson() {
        return redissonSessions.cycle();
    }
}
