package org.cacheway.testsupport;

/**
 * Starts topologies outside JUnit's control (benchmarks, examples); close them with try-with-resources.
 * Each call starts fresh servers on free loopback ports.
 */
public final class RedisTopologies {

    /** Default number of replicas of {@link #replicated()}. */
    public static final int DEFAULT_REPLICAS = 2;

    private RedisTopologies() {
    }

    /** A standalone server (or the existing server at REDIS_URL, if set). */
    public static RedisStandalone standalone() {
        return RedisStandalone.start("standalone");
    }

    /** A primary with {@value #DEFAULT_REPLICAS} replicas, links up. */
    public static RedisReplicated replicated() {
        return replicated(DEFAULT_REPLICAS);
    }

    /** A primary with {@code replicas} replicas, links up. */
    public static RedisReplicated replicated(int replicas) {
        return RedisReplicated.start("replicated", replicas);
    }

    /** Three sentinels watching {@code mymaster}, a primary with two replicas. */
    public static RedisSentinelGroup sentinel() {
        return RedisSentinelGroup.start("sentinel");
    }

    /** A Redis Cluster of three primaries with one replica each. */
    public static RedisCluster cluster() {
        return RedisCluster.start("cluster");
    }
}
