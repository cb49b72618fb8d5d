package org.cacheway.benchmarks;

import java.util.List;
import org.springframework.cache.Cache;

/**
 * W7 for the peers, on the same {@link Stampede} as Cacheway: Spring's {@code cache.get(key,
 * Callable)} with the default non-locking cache writer and with the locking one, and Redisson's
 * {@link RedissonGetOrSet}. Each result's variant starts with its {@link Peer#label()}.
 */
final class PeerStampedes {
    private PeerStampedes() {
    }

    /** Runs {@code trials} stampedes per peer variant on {@code env}'s server. */
    static List<Stampede.Result> run(BenchEnvironment env, int trials) throws Exception {
        SpringPeer spring = env.spring();
        return List.of(
                Stampede.run(Peer.SPRING.label() + " RedisCache get(key, Callable), non-locking writer",
                        "stampede:spring:", trials, springGetOrSet(spring.cache())),
                Stampede.run(Peer.SPRING.label() + " RedisCache get(key, Callable), locking writer",
                        "stampede:spring-locking:", trials, springGetOrSet(spring.lockingCache())),
                Stampede.run(Peer.REDISSON.label() + " RLock around get, compute, set", "stampede:redisson:",
                        trials, new RedissonGetOrSet(env.redisson().client())));
    }

    private static Stampede.GetOrSet springGetOrSet(Cache cache) {
        return (thread, key, compute) -> cache.get(key, compute::get);
    }
}
