package org.cacheway.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the results table: a workload of BENCHMARK.md run by Cacheway and by raw Lettuce,
 * as two methods of one JMH class, at a given thread count, and by the peers that have the
 * workload, as that class's {@link Peer#method()} methods.
 *
 * @param id the workload's id (W1..W6)
 * @param label what the row measures
 * @param benchmark the JMH class
 * @param threads JMH threads
 * @param cacheway Cacheway's method
 * @param raw the raw Lettuce method
 * @param keysPerCall keys per call, for W3's keys/s (1 elsewhere)
 * @param peers what each measured peer's method calls, by peer (empty: Cacheway and raw only)
 */
public record Workload(String id, String label, Class<?> benchmark, int threads, String cacheway, String raw,
        int keysPerCall, Map<Peer, String> peers) {

    /**
     * The peers' own session cycles, measured once per thread count: in the hash store's rows,
     * whose raw baseline (HGETALL, HSET the counter incremented) loads and saves a hash as both peers do.
     */
    private static final Map<Peer, String> SESSION_PEERS =
            peers("Spring Session RedisSessionRepository", "RMap readAllMap, fastPut, expire");

    /** Every row, in the order of BENCHMARK.md, with the peers. */
    public static List<Workload> all() {
        return List.of(
                new Workload("W1", "get (1 thread)", GetBenchmark.class, 1, "cacheway", "raw", 1,
                        peers("RedisCache.get", "RBucket.get")),
                new Workload("W2", "set, 300 s timeout (1 thread)", SetBenchmark.class, 1, "cacheway", "raw", 1,
                        peers("RedisCache.put, TTL 300 s", "RBucket.set(value, 300 s)")),
                new Workload("W3", "getMany of 100 keys (1 thread)", GetManyBenchmark.class, 1, "cacheway", "raw",
                        BenchData.BATCH_SIZE, peers("100 x RedisCache.get (no get-many)", "RBuckets.get (MGET)")),
                new Workload("W4", "90% get / 10% set, sync (16 threads)", MixedBenchmark.class, 16, "cacheway",
                        "raw", 1, peers("RedisCache.get / put", "RBucket.get / set")),
                new Workload("W4a", "90% get / 10% set, async (16 threads)", MixedBenchmark.class, 16,
                        "cachewayAsync", "rawAsync", 1, Map.of()),
                new Workload("W5", "set + get of a ~4 KiB object (1 thread)", ObjectBenchmark.class, 1, "cacheway",
                        "raw", 1, peers("RedisCache.put + get, Jackson", "RBucket.set + get, Jackson codec")),
                session("W6", "session cycle, cache engine (1 thread)", 1, "CacheEngine", Map.of()),
                session("W6", "session cycle, hash store (1 thread)", 1, "HashStore", SESSION_PEERS),
                session("W6", "session cycle, cache engine (16 threads)", 16, "CacheEngine", Map.of()),
                session("W6", "session cycle, hash store (16 threads)", 16, "HashStore", SESSION_PEERS));
    }

    private static Workload session(String id, String label, int threads, String engine, Map<Peer, String> peers) {
        return new Workload(id, label, SessionBenchmark.class, threads, "cacheway" + engine, "raw" + engine, 1, peers);
    }

    private static Map<Peer, String> peers(String spring, String redisson) {
        Map<Peer, String> peers = new EnumMap<>(Peer.class);
        peers.put(Peer.SPRING, spring);
        peers.put(Peer.REDISSON, redisson);
        return peers;
    }

    /** This row without its peers: Cacheway and raw Lettuce only. */
    public Workload withoutPeers() {
        return new Workload(id, label, benchmark, threads, cacheway, raw, keysPerCall, Map.of());
    }

    /** The JMH benchmark name of Cacheway's side. */
    public String cachewayBenchmark() {
        return benchmark.getName() + "." + cacheway;
    }

    /** The JMH benchmark name of the raw side. */
    public String rawBenchmark() {
        return benchmark.getName() + "." + raw;
    }

    /** The JMH benchmark name of {@code peer}'s side. */
    public String peerBenchmark(Peer peer) {
        return benchmark.getName() + "." + peer.method();
    }

    /** Every side's JMH benchmark name: Cacheway, raw, then each peer. */
    public List<String> benchmarks() {
        List<String> sides = new ArrayList<>(List.of(cachewayBenchmark(), rawBenchmark()));
        peers.keySet().forEach(peer -> sides.add(peerBenchmark(peer)));
        return sides;
    }
}
