package org.cacheway.benchmarks;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the workloads through JMH's {@link Runner}: one run per benchmark class and thread count,
 * in throughput and sample-time modes with the GC profiler, and returns a {@link Measurement} per
 * benchmark method and thread count, for as long as the {@link RunMode} says.
 */
final class JmhSuite {
    private final RunMode mode;
    private final Path workDir;

    JmhSuite(RunMode mode, Path workDir) {
        this.mode = mode;
        this.workDir = workDir;
    }

    /** Measurements keyed by {@link #key(String, int)}. */
    Map<String, Measurement> run(List<Workload> workloads) throws RunnerException {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (Workload w : workloads) {
            Set<String> methods = groups.computeIfAbsent(w.benchmark().getName() + "#" + w.threads(),
                    k -> new LinkedHashSet<>());
            methods.add(w.cacheway());
            methods.add(w.raw());
        }
        Map<String, Measurement> measured = new HashMap<>();
        for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
            String[] classAndThreads = group.getKey().split("#");
            int threads = Integer.parseInt(classAndThreads[1]);
            String include = "^" + Pattern.quote(classAndThreads[0]) + "\\.(" + String.join("|", group.getValue())
                    + ")$";
            collect(new Runner(options(include, threads).build()).run(), threads, measured);
        }
        return measured;
    }

    static String key(String benchmark, int threads) {
        return benchmark + "@" + threads;
    }

    private ChainedOptionsBuilder options(String include, int threads) {
        return mode.apply(new OptionsBuilder()
                .include(include)
                .threads(threads)
                .mode(Mode.Throughput)
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xms512m", "-Xmx512m",
                        "-Dcacheway.test.workDir=" + workDir.resolve("redis-work"),
                        "-Dcacheway.test.logDir=" + workDir.resolve("redis-logs"),
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    }

    private static void collect(Collection<RunResult> results, int threads, Map<String, Measurement> measured) {
        Map<String, double[]> partial = new HashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            double[] values = partial.computeIfAbsent(benchmark, b -> new double[4]);
            Result<?> primary = result.getPrimaryResult();
            if (result.getParams().getMode() == Mode.Throughput) {
                values[0] = primary.getScore() * 1e6;
                values[3] = allocation(result);
            } else {
                values[1] = primary.getStatistics().getPercentile(50);
                values[2] = primary.getStatistics().getPercentile(99);
            }
        }
        partial.forEach((benchmark, v) -> measured.put(key(benchmark, threads), new Measurement(v[0], v[1], v[2], v[3])));
    }

    private static double allocation(RunResult result) {
        for (Map.Entry<String, Result> secondary : result.getSecondaryResults().entrySet()) {
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                return secondary.getValue().getScore();
            }
        }
        return Double.NaN;
    }
}
