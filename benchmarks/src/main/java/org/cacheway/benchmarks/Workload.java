package org.cacheway.benchmarks;

import java.util.List;

/**
 * One row of the results table: a workload of BENCHMARK.md run by Cacheway and by raw Lettuce,
 * as two methods of one JMH class, at a given thread count.
 *
 * @param id the workload's id (W1..W6)
 * @param label what the row measures
 * @param benchmark the JMH class
 * @param threads JMH threads
 * @param cacheway Cacheway's method
 * @param raw the raw Lettuce method
 * @param keysPerCall keys per call, for W3's keys/s (1 elsewhere)
 */
public record Workload(String id, String label, Class<?> benchmark, int threads, String cacheway, String raw,
        int keysPerCall) {

    /** Every row, in the order of BENCHMARK.md. */
    public static List<Workload> all() {
        return List.of(
                new Workload("W1", "get (1 thread)", GetBenchmark.class, 1, "cacheway", "raw", 1),
                new Workload("W2", "set, 300 s timeout (1 thread)", SetBenchmark.class, 1, "cacheway", "raw", 1),
                new Workload("W3", "getMany of 100 keys (1 thread)", GetManyBenchmark.class, 1, "cacheway", "raw",
                        BenchData.BATCH_SIZE),
                new Workload("W4", "90% get / 10% set, sync (16 threads)", MixedBenchmark.class, 16, "cacheway",
                        "raw", 1),
                new Workload("W4a", "90% get / 10% set, async (16 threads)", MixedBenchmark.class, 16,
                        "cachewayAsync", "rawAsync", 1),
                new Workload("W5", "set + get of a ~4 KiB object (1 thread)", ObjectBenchmark.class, 1, "cacheway",
                        "raw", 1),
                session("W6", "session cycle, cache engine (1 thread)", 1, "CacheEngine"),
                session("W6", "session cycle, hash store (1 thread)", 1, "HashStore"),
                session("W6", "session cycle, cache engine (16 threads)", 16, "CacheEngine"),
                session("W6", "session cycle, hash store (16 threads)", 16, "HashStore"));
    }

    private static Workload session(String id, String label, int threads, String engine) {
        return new Workload(id, label, SessionBenchmark.class, threads, "cacheway" + engine, "raw" + engine, 1);
    }

    /** The JMH benchmark name of Cacheway's side. */
    public String cachewayBenchmark() {
        return benchmark.getName() + "." + cacheway;
    }

    /** The JMH benchmark name of the raw side. */
    public String rawBenchmark() {
        return benchmark.getName() + "." + raw;
    }
}
