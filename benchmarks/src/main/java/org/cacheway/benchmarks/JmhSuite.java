package org.cacheway.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.DoubleStream;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the workloads through JMH's {@link Runner}, one benchmark method at a time: throughput
 * with the GC profiler in rounds ordered Cacheway, raw, raw, Cacheway (with peers: Cacheway, raw,
 * Spring, Redisson, Redisson, Spring, raw, Cacheway), repeated as the mode says, so the shared
 * machine's load drifts onto every side alike, each side's figure the median of its rounds, then sample time for the latency percentiles. Returns a {@link Row} of
 * {@link Measurement}s per workload.
 */
final class JmhSuite {
    private final RunMode mode;
    private final Path workDir;

    JmhSuite(RunMode mode, Path workDir) {
        this.mode = mode;
        this.workDir = workDir;
    }

    /**
     * One row per workload, every side measured within that row's own rounds (a peer that serves
     * two rows, as on W6, is measured in each, beside that row's raw baseline). Each round runs
     * every side, alternately in {@link Workload#benchmarks()}'s order and in reverse (Cacheway,
     * raw, peers..., peers..., raw, Cacheway), so every side sits at the same mean position in time.
     */
    List<Row> run(List<Workload> workloads) throws RunnerException {
        List<Row> rows = new ArrayList<>();
        for (Workload w : workloads) {
            Map<String, Measurement> sides = measure(w.benchmarks(), w.threads());
            Map<Peer, Measurement> peers = new EnumMap<>(Peer.class);
            w.peers().keySet().forEach(peer -> peers.put(peer, sides.get(w.peerBenchmark(peer))));
            rows.add(new Row(w, sides.get(w.cachewayBenchmark()), sides.get(w.rawBenchmark()), peers));
        }
        return rows;
    }

    /**
     * Every one of {@code benchmarks} (JMH names) at {@code threads}, measured in this mode's
     * rounds, alternately in the order given and in reverse, then in a sample-time run each.
     */
    Map<String, Measurement> measure(List<String> benchmarks, int threads) throws RunnerException {
        Map<String, List<RunResult>> rounds = new HashMap<>();
        for (int round = 0; round < mode.throughputRounds(); round++) {
            List<String> order = new ArrayList<>(benchmarks);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (String benchmark : order) {
                rounds.computeIfAbsent(benchmark, b -> new ArrayList<>()).add(throughput(benchmark, threads));
            }
        }
        Map<String, Measurement> sides = new HashMap<>();
        for (String benchmark : benchmarks) {
            sides.put(benchmark, measurement(rounds.get(benchmark), sample(benchmark, threads)));
        }
        return sides;
    }

    /** Mean microseconds per {@link SerializationBenchmark#encodeDecode()}, W5's serialization alone. */
    double serializationMicros() throws RunnerException {
        ChainedOptionsBuilder options = mode.throughput(new OptionsBuilder()
                .include("^" + Pattern.quote(SerializationBenchmark.class.getName() + ".encodeDecode") + "$")
                .mode(Mode.AverageTime).timeUnit(TimeUnit.MICROSECONDS).shouldFailOnError(true)
                .jvmArgsAppend("-Xms512m", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), 1);
        return runOne(options).getPrimaryResult().getScore();
    }

    private RunResult throughput(String benchmark, int threads) throws RunnerException {
        return runOne(mode.throughput(options(benchmark, threads).mode(Mode.Throughput)
                .addProfiler(GCProfiler.class), threads));
    }

    private RunResult sample(String benchmark, int threads) throws RunnerException {
        return runOne(mode.sampleTime(options(benchmark, threads).mode(Mode.SampleTime), threads));
    }

    private static RunResult runOne(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).runSingle();
    }

    private ChainedOptionsBuilder options(String benchmark, int threads) {
        return new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark) + "$")
                .threads(threads)
                .timeUnit(TimeUnit.MICROSECONDS)
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xms512m", "-Xmx512m",
                        "-Dcacheway.test.workDir=" + workDir.resolve("redis-work"),
                        "-Dcacheway.test.logDir=" + workDir.resolve("redis-logs"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    }

    /**
     * Median throughput and allocation over the rounds (with two rounds, their mean); percentiles
     * from the sample-time run.
     */
    private static Measurement measurement(List<RunResult> rounds, RunResult sample) {
        double ops = median(rounds.stream().mapToDouble(round -> round.getPrimaryResult().getScore() * 1e6));
        double bytes = median(rounds.stream().mapToDouble(JmhSuite::allocation));
        var latency = sample.getPrimaryResult().getStatistics();
        return new Measurement(ops, latency.getPercentile(50), latency.getPercentile(99), bytes);
    }

    private static double median(DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    @SuppressWarnings("rawtypes") // JMH's secondary results are typed with the raw Result
    private static double allocation(RunResult result) {
        for (var secondary : result.getSecondaryResults().entrySet()) {
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                return secondary.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}
