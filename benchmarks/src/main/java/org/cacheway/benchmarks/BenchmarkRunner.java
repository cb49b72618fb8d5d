package org.cacheway.benchmarks;

import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.redisson.api.RBuckets;

/**
 * Runs every workload of BENCHMARK.md for Cacheway and raw Lettuce in one go, prints the table and
 * the targets, and writes {@code results.md} and {@code results.json} next to the jar (or the
 * classes directory), i.e. {@code benchmarks/target/}. {@code --peers} measures Spring Data Redis
 * and Redisson beside them; {@code --smoke} runs one short iteration per workload and side, peers
 * included, in-process, for the build.
 */
public final class BenchmarkRunner {
    private static final Timeout STAMPEDE_TIMEOUT = Timeout.seconds(300);
    /** Independent cache registries standing in for processes in W7's herd variants. */
    private static final int HERD_PROCESSES = 4;
    /** The near cache's workloads: W1 and W4 with {@code NEAR_CACHE}, and W8. */
    static final List<String> NEAR_CACHE_WORKLOADS = List.of("W1", "W4", "W8");

    private BenchmarkRunner() {
    }

    /**
     * {@code java -jar benchmarks.jar [--smoke | --quick] [--peers] [--only=W1,W5,W1n,W8]}:
     * {@code --only} runs some workloads (targets are then not judged, but the near cache's are),
     * {@code W1n} and {@code W4n} being W1 and W4 with {@code NEAR_CACHE}; {@code --peers} adds
     * the peers' sides.
     */
    public static void main(String[] args) throws Exception {
        List<Workload> workloads = Workload.all();
        List<String> nearCache = NEAR_CACHE_WORKLOADS;
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                List<String> ids = List.of(arg.substring("--only=".length()).split(","));
                workloads = workloads.stream().filter(w -> ids.contains(w.id())).toList();
                nearCache = NEAR_CACHE_WORKLOADS.stream()
                        .filter(id -> ids.contains(id) || ids.contains(id + "n")).toList();
            }
        }
        RunMode mode = RunMode.fromArgs(args);
        boolean peers = mode == RunMode.SMOKE || List.of(args).contains("--peers");
        Report report = run(mode, workloads, nearCache, peers, outputDir());
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written to " + outputDir().resolve("results.md") + " and results.json");
    }

    /**
     * Runs {@code workloads}, the near cache's workloads named in {@code nearCache} (of
     * {@link #NEAR_CACHE_WORKLOADS}), the round-trip check and the stampedes, with their peers'
     * sides if {@code peers} (else without: the peer targets are then judged on BENCHMARK.md's
     * figures), and writes the results into {@code dir}.
     */
    public static Report run(RunMode mode, List<Workload> workloads, List<String> nearCache, boolean peers, Path dir)
            throws Exception {
        boolean smoke = mode == RunMode.SMOKE;
        List<Workload> measuring = peers ? workloads : workloads.stream().map(Workload::withoutPeers).toList();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("date", ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        environment.put("mode", mode.description());
        environment.put("machine", Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java "
                + System.getProperty("java.version"));
        environment.put("peers", peers
                ? "measured in this run (Spring Data Redis RedisCache, Spring Session RedisSessionRepository, Redisson)"
                : "estimated from BENCHMARK.md's figures (--peers measures them)");
        environment.put("load average at start", loadAverage());
        System.setProperty("cacheway.test.workDir", dir.resolve("redis-work").toString());
        System.setProperty("cacheway.test.logDir", dir.resolve("redis-logs").toString());
        System.setProperty(BenchEnvironment.SHARE_PROPERTY, Boolean.toString(smoke));
        List<Row> rows;
        NearCacheSuite.Results near;
        double serialization;
        Map<String, Double> roundTrips;
        List<Stampede.Result> stampedes;
        try {
            JmhSuite suite = new JmhSuite(mode, dir);
            rows = suite.run(measuring);
            near = new NearCacheSuite(mode, suite).run(nearCache, peers);
            serialization = suite.serializationMicros();
            BenchEnvironment env = BenchEnvironment.acquire();
            try {
                roundTrips = roundTrips(env, peers);
                int trials = smoke ? 1 : 5;
                stampedes = stampedes(env, trials);
                if (peers) {
                    stampedes.addAll(PeerStampedes.run(env, trials));
                }
            } finally {
                env.release();
            }
        } finally {
            BenchEnvironment.closeShared();
        }
        environment.put("load average at end", loadAverage());
        environment.put("W5 serialization alone (encode + decode, no Redis)",
                String.format(Locale.ROOT, "%.2f µs per op", serialization));
        List<Check> checks = new ArrayList<>(workloads.size() == Workload.all().size()
                ? Targets.evaluate(rows, serialization, roundTrips, stampedes) : List.of());
        checks.addAll(near.checks());
        Report report = new Report(environment, rows, near, roundTrips, stampedes, checks);
        report.write(dir);
        return report;
    }

    private static Map<String, Double> roundTrips(BenchEnvironment env, boolean peers) {
        Cache cache = env.cache();
        SessionFixture sessions = new SessionFixture(env);
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < BenchData.BATCH_SIZE; i++) {
            batch.add(env.key(i * 7));
        }
        Map<String, Double> trips = new LinkedHashMap<>();
        trips.put("W1 get", RoundTrips.perOperation(env, () -> cache.get(env.key(1)), 100));
        trips.put("W2 set", RoundTrips.perOperation(env, () -> cache.set(env.key(1), "v", STAMPEDE_TIMEOUT), 100));
        trips.put("W3 getMany", RoundTrips.perOperation(env, () -> cache.getMany(batch), 100));
        trips.put("W6 cache engine", RoundTrips.perOperation(env, sessions::cacheEngineCycle, 100));
        trips.put("W6 hash store", RoundTrips.perOperation(env, sessions::hashStoreCycle, 100));
        if (peers) { // each client connected, and its sessions made, before its count starts
            org.springframework.cache.Cache spring = env.spring().cache();
            RBuckets redisson = env.redisson().client().getBuckets();
            String[] finalBatch = batch.stream().map(BenchData::finalKey).toArray(String[]::new);
            trips.put("W3 Spring, 100 x RedisCache.get",
                    RoundTrips.perOperation(env, () -> batch.forEach(spring::get), 100));
            trips.put("W3 Redisson, RBuckets.get", RoundTrips.perOperation(env, () -> redisson.get(finalBatch), 100));
            SpringSessionFixture springSessions = env.spring().sessions();
            RedissonSessionFixture redissonSessions = env.redisson().sessions();
            trips.put("W6 Spring Session", RoundTrips.perOperation(env, springSessions::cycle, 100));
            trips.put("W6 Redisson RMap", RoundTrips.perOperation(env, redissonSessions::cycle, 100));
        }
        return trips;
    }

    private static List<Stampede.Result> stampedes(BenchEnvironment env, int trials) throws Exception {
        Cache cache = env.cache();
        List<Stampede.Result> results = new ArrayList<>();
        results.add(Stampede.run("Cacheway getOrSet, DefaultClient (one process)", "stampede:cw:", trials,
                (thread, key, compute) -> cache.getOrSet(key, compute, STAMPEDE_TIMEOUT)));
        results.add(Stampede.run("raw Lettuce GET, compute, SET NX, GET", "stampede:raw:", trials,
                new RawGetOrSet(env.raw().sync())));
        List<Caches> processes = new ArrayList<>();
        try {
            for (int p = 0; p < HERD_PROCESSES; p++) {
                Caches process = env.newCaches(BenchEnvironment.HERD_CLIENT);
                process.getDefault().get("stampede:connect"); // a running process is connected already
                processes.add(process);
            }
            Stampede.GetOrSet herd = (thread, key, compute) ->
                    processes.get(thread % HERD_PROCESSES).getDefault().getOrSet(key, compute, STAMPEDE_TIMEOUT);
            results.add(Stampede.run("Cacheway getOrSet, HerdClient, " + HERD_PROCESSES + " processes, missing key",
                    "stampede:herd-missing:", trials, herd));
            results.add(Stampede.run("Cacheway getOrSet, HerdClient, " + HERD_PROCESSES + " processes, stale key",
                    "stampede:herd-stale:", trials, herd, key -> makeStale(processes.get(0).getDefault(), key)));
        } finally {
            processes.forEach(Caches::close);
        }
        return results;
    }

    /** Stores a herd value whose soft expiry has passed, so that readers see it stale. */
    private static void makeStale(Cache cache, String key) {
        cache.set(key, "stale", Timeout.millis(300));
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f (1 min)", load);
    }

    /** {@code benchmarks/target}: the directory holding this jar or the classes directory. */
    static Path outputDir() throws URISyntaxException {
        Path location = Path.of(BenchmarkRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return location.getParent();
    }
}
