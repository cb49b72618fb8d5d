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
    /** Per side: 4 throughput rounds of 3 x 1 s warm-up + 3 x 1 s measured (median); latency 2 s + 3 s; 1 fork each. */
    FULL("full: per side 4 throughput rounds (ABBAABBA order, the median reported) of 3 s warm-up + 3 s"
            + " measured, and a sample-time run of 2 s warm-up + 3 s measured; 1 fork each", 4, 3, 3, 2, 3),
    /** Per side: 1 throughput round of 2 s + 2 s, latency 1 s + 2 s: for comparing fixes, not for the record. */
    QUICK("quick: per side 1 throughput round of 2 s warm-up + 2 s measured, sample time 1 s + 2 s", 1, 2, 2, 1, 2),
    /** In-process, no warm-up, one 100 ms iteration, one shared server: proves it builds and runs. */
    SMOKE("smoke: in-process, one 100 ms iteration per side and mode, no warm-up", 1, 0, 1, 0, 1);

    private final String description;
    private final int throughputRounds;
    private final int warmup;
    private final int measurement;
    private final int sampleWarmup;
    private final int sampleMeasurement;

    RunMode(String description, int throughputRounds, int warmup, int measurement, int sampleWarmup,
            int sampleMeasurement) {
        this.description = description;
        this.throughputRounds = throughputRounds;
        this.warmup = warmup;
        this.measurement = measurement;
        this.sampleWarmup = sampleWarmup;
        this.sampleMeasurement = sampleMeasurement;
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

    ChainedOptionsBuilder throughput(ChainedOptionsBuilder options) {
        return iterations(options, warmup, measurement);
    }

    ChainedOptionsBuilder sampleTime(ChainedOptionsBuilder options) {
        return iterations(options, sampleWarmup, sampleMeasurement);
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
