package org.cacheway.benchmarks;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * How long the JMH runs last: BENCHMARK.md's full run, a quicker one for iterating, or the build's
 * smoke run. Throughput is measured in {@link #throughputRounds()} rounds per side, in the order
 * Cacheway, raw, raw, Cacheway (repeated), so that a shift in the shared machine's load hits both
 * sides alike; a side's figure is the median of its rounds, so that one fork that landed badly on
 * this machine's two cores (seen here: a fork at half its neighbours' rate) does not decide a ratio.
 */
public enum RunMode {
    /**
     * Per side: 4 throughput rounds of 3 x 1 s warm-up (10 with several threads) + 3 x 1 s measured
     * (median); latency 2 s (10) + 3 s; 1 fork each.
     */
    FULL("full: per side 4 throughput rounds (ABBAABBA order, the median reported) of 3 s warm-up + 3 s"
            + " measured, and a sample-time run of 2 s warm-up + 3 s measured; 1 fork each; warm-ups of"
            + " 10 s where several threads run", 4, 3, 3, 2, 3, 10),
    /** Per side: 1 throughput round of 2 s (6) + 2 s, latency 1 s (6) + 2 s: for comparing fixes, not for the record. */
    QUICK("quick: per side 1 throughput round of 2 s warm-up + 2 s measured, sample time 1 s + 2 s;"
            + " warm-ups of 6 s where several threads run", 1, 2, 2, 1, 2, 6),
    /** In-process, no warm-up, one 100 ms iteration, one shared server: proves it builds and runs. */
    SMOKE("smoke: in-process, one 100 ms iteration per side and mode, no warm-up", 1, 0, 1, 0, 1, 0);

    private final String description;
    private final int throughputRounds;
    private final int warmup;
    private final int measurement;
    private final int sampleWarmup;
    private final int sampleMeasurement;
    private final int contendedWarmup;

    RunMode(String description, int throughputRounds, int warmup, int measurement, int sampleWarmup,
            int sampleMeasurement, int contendedWarmup) {
        this.description = description;
        this.throughputRounds = throughputRounds;
        this.warmup = warmup;
        this.measurement = measurement;
        this.sampleWarmup = sampleWarmup;
        this.sampleMeasurement = sampleMeasurement;
        this.contendedWarmup = contendedWarmup;
    }

    /** What the mode does, for the report. */
    public String description() {
        return description;
    }

    /** Throughput runs per side, in alternating order (ABBA...). */
    int throughputRounds() {
        return throughputRounds;
    }

    /** How long a timed (non-JMH) workload warms up: W8's readers and writer. */
    java.time.Duration warmupTime() {
        return java.time.Duration.ofSeconds(warmup);
    }

    /** How long a timed (non-JMH) workload is measured. */
    java.time.Duration measuredTime() {
        return this == SMOKE ? java.time.Duration.ofMillis(200) : java.time.Duration.ofSeconds(measurement + 2L);
    }

    /** The mode named on the command line ({@code --smoke}, {@code --quick}), else {@link #FULL}. */
    static RunMode fromArgs(String... args) {
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                return SMOKE;
            }
            if (arg.equals("--quick")) {
                return QUICK;
            }
        }
        return FULL;
    }

    /**
     * Throughput iterations for a benchmark run by {@code threads} threads. With more threads than
     * this machine's two cores the JIT compiler threads get a small share of the CPU, so steady state
     * comes late, and later for a deeper call graph than raw Lettuce's (seen here on W4: Cacheway's
     * rate still climbing after 5 s of warm-up, raw Lettuce's level after 3): such runs warm up for
     * the longer {@code contendedWarmup}, both sides alike.
     */
    ChainedOptionsBuilder throughput(ChainedOptionsBuilder options, int threads) {
        return iterations(options, warmupFor(warmup, threads), measurement);
    }

    /** Sample-time iterations for a benchmark run by {@code threads} threads (warm-up as for throughput). */
    ChainedOptionsBuilder sampleTime(ChainedOptionsBuilder options, int threads) {
        return iterations(options, warmupFor(sampleWarmup, threads), sampleMeasurement);
    }

    private int warmupFor(int seconds, int threads) {
        return threads > 1 ? Math.max(seconds, contendedWarmup) : seconds;
    }

    private ChainedOptionsBuilder iterations(ChainedOptionsBuilder options, int warmupSeconds, int measuredSeconds) {
        if (this == SMOKE) {
            return options.forks(0).warmupIterations(0).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100)).verbosity(VerboseMode.SILENT);
        }
        return options.forks(1).warmupIterations(warmupSeconds).warmupTime(TimeValue.seconds(1))
                .measurementIterations(measuredSeconds).measurementTime(TimeValue.seconds(1));
    }
}
