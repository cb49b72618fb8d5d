package org.cacheway.benchmarks;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cacheway.cache.Cache;
import org.openjdk.jmh.runner.RunnerException;
import org.redisson.api.RLocalCachedMap;
import org.redisson.api.options.LocalCachedMapOptions;
import org.redisson.client.codec.StringCodec;

/**
 * The near cache's workloads: W1 and W4 with {@code NEAR_CACHE} beside raw Lettuce and Jedis in
 * the same rounds ({@link NearCacheBenchmark}), and W8, reads under another client's writes, with
 * the staleness window ({@link Staleness}), for the near cache, raw Lettuce (no local copy, the
 * zero-staleness reference) and, with the peers, Redisson's {@code RLocalCachedMap}.
 */
final class NearCacheSuite {
    /** W8's reader threads. */
    static final int W8_THREADS = 16;
    private static final String MAP = "w8:redisson";

    private final RunMode mode;
    private final JmhSuite jmh;

    NearCacheSuite(RunMode mode, JmhSuite jmh) {
        this.mode = mode;
        this.jmh = jmh;
    }

    /**
     * One near-cache row: the three sides' measurements.
     *
     * @param id the workload ({@code W1}, {@code W4})
     * @param label what it measures
     * @param near the near cache
     * @param raw raw Lettuce
     * @param jedis Jedis
     */
    record NearRow(String id, String label, Measurement near, Measurement raw, Measurement jedis) {
        /** The near cache's throughput over raw Lettuce's. */
        double overRaw() {
            return near.opsPerSecond() / raw.opsPerSecond();
        }

        /** The near cache's throughput over Jedis's. */
        double overJedis() {
            return near.opsPerSecond() / jedis.opsPerSecond();
        }
    }

    /**
     * The near cache's results.
     *
     * @param rows W1 and W4 with the near cache
     * @param staleness W8, by side
     */
    record Results(List<NearRow> rows, List<Staleness.Result> staleness) {
        /** No near-cache workload was run. */
        static final Results NONE = new Results(List.of(), List.of());

        /** The near cache's tables as Markdown; empty when nothing ran. */
        String markdown() {
            StringBuilder out = new StringBuilder();
            if (!rows.isEmpty()) {
                out.append("| workload with NEAR_CACHE | near ops/s | raw Lettuce ops/s | Jedis ops/s | near / raw"
                        + " | near / Jedis | near p50/p99 µs | raw p50/p99 µs | Jedis p50/p99 µs | near B/op |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
                for (NearRow row : rows) {
                    out.append(String.format(Locale.ROOT, "| %s %s | %,.0f | %,.0f | %,.0f | %.1fx | %.1fx"
                            + " | %.2f / %.2f | %.0f / %.0f | %.0f / %.0f | %,.0f |%n", row.id(), row.label(),
                            row.near().opsPerSecond(), row.raw().opsPerSecond(), row.jedis().opsPerSecond(),
                            row.overRaw(), row.overJedis(), row.near().p50Micros(), row.near().p99Micros(),
                            row.raw().p50Micros(), row.raw().p99Micros(), row.jedis().p50Micros(),
                            row.jedis().p99Micros(), row.near().bytesPerOp()));
                }
                out.append('\n');
            }
            if (!staleness.isEmpty()) {
                out.append("| W8 read-mostly, another client writes 1% of the keys (" + W8_THREADS + " readers)"
                        + " | reads/s | writes | stale reads | staleness p50 ms | p99 ms | max ms |\n"
                        + "|---|---|---|---|---|---|---|\n");
                staleness.forEach(result -> out.append(result.line()));
                out.append('\n');
            }
            return out.toString();
        }

        /** BENCHMARK.md's near-cache targets, for the workloads that ran. */
        List<Check> checks() {
            List<Check> checks = new ArrayList<>();
            for (NearRow row : rows) {
                if (row.id().equals("W1")) {
                    checks.add(new Check("W1 with NEAR_CACHE: at least 20x raw Lettuce and ahead of Jedis",
                            row.overRaw() >= 20 && row.overJedis() > 1, String.format(Locale.ROOT,
                                    "%.1fx raw Lettuce, %.1fx Jedis", row.overRaw(), row.overJedis())));
                }
            }
            for (Staleness.Result result : staleness) {
                if (result.side().startsWith("Cacheway")) {
                    checks.add(new Check("W8: staleness p99 under 5 ms, max under 100 ms",
                            result.p99Millis() < 5 && result.maxMillis() < 100, String.format(Locale.ROOT,
                                    "p99 %.3f ms, max %.3f ms over %,d writes", result.p99Millis(),
                                    result.maxMillis(), result.writes())));
                }
            }
            return checks;
        }
    }

    /** Runs the near-cache workloads named in {@code ids} ({@code W1}, {@code W4}, {@code W8}). */
    Results run(List<String> ids, boolean peers) throws RunnerException, InterruptedException {
        List<NearRow> rows = new ArrayList<>();
        if (ids.contains("W1")) {
            rows.add(row("W1", "get (1 thread)", 1, "nearGet", "rawGet", "jedisGet"));
        }
        if (ids.contains("W4")) {
            rows.add(row("W4", "90% get / 10% set (16 threads)", 16, "nearMixed", "rawMixed", "jedisMixed"));
        }
        List<Staleness.Result> staleness = ids.contains("W8") ? staleness(peers) : List.of();
        return new Results(rows, staleness);
    }

    private NearRow row(String id, String label, int threads, String near, String raw, String jedis)
            throws RunnerException {
        String prefix = NearCacheBenchmark.class.getName() + ".";
        List<String> sides = List.of(prefix + near, prefix + raw, prefix + jedis);
        Map<String, Measurement> measured = jmh.measure(sides, threads);
        return new NearRow(id, label, measured.get(sides.get(0)), measured.get(sides.get(1)),
                measured.get(sides.get(2)));
    }

    private List<Staleness.Result> staleness(boolean peers) throws InterruptedException {
        List<Staleness.Result> results = new ArrayList<>();
        BenchEnvironment env = BenchEnvironment.acquire();
        RedisClient writerClient = RedisClient.create("redis://" + env.host() + ":" + env.port() + "/0");
        try (StatefulRedisConnection<String, String> writer = writerClient.connect()) {
            RedisCommands<String, String> other = writer.sync();
            Staleness.Writer json = (index, value) -> other.set(env.finalKey(index), "\"" + value + "\"");
            for (int i = 0; i < Staleness.WRITTEN_KEYS; i++) {
                json.write(i, Staleness.value(0));
            }
            Cache near = env.nearCache();
            results.add(Staleness.run("Cacheway NEAR_CACHE (default client)", W8_THREADS, mode.warmupTime(),
                    mode.measuredTime(), index -> (String) near.get(env.key(index)), json));
            results.add(Staleness.run("raw Lettuce GET (no local copy)", W8_THREADS, mode.warmupTime(),
                    mode.measuredTime(), index -> text(env.raw().sync().get(env.finalKey(index))), json));
            if (peers) {
                results.add(redisson(env));
            }
        } finally {
            writerClient.shutdown();
            env.release();
        }
        return results;
    }

    /** Redisson's {@code RLocalCachedMap}: the readers' map on the environment's client, the writer's on its own. */
    private Staleness.Result redisson(BenchEnvironment env) throws InterruptedException {
        LocalCachedMapOptions<String, String> options = LocalCachedMapOptions.<String, String>name(MAP)
                .codec(StringCodec.INSTANCE).cacheSize(BenchData.KEY_COUNT);
        try (RedissonPeer writerPeer = new RedissonPeer(env.host(), env.port())) {
            RLocalCachedMap<String, String> written = writerPeer.client().getLocalCachedMap(options);
            Map<String, String> all = new LinkedHashMap<>();
            for (int i = 0; i < BenchData.KEY_COUNT; i++) {
                all.put(env.key(i), i < Staleness.WRITTEN_KEYS ? Staleness.value(0) : BenchData.value(i));
            }
            written.putAll(all);
            RLocalCachedMap<String, String> read = env.redisson().client().getLocalCachedMap(options);
            for (int i = 0; i < BenchData.KEY_COUNT; i++) {
                read.get(env.key(i));
            }
            return Staleness.run("Redisson RLocalCachedMap", W8_THREADS, mode.warmupTime(), mode.measuredTime(),
                    index -> read.get(env.key(index)), (index, value) -> written.fastPut(env.key(index), value));
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
