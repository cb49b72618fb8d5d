package org.cacheway.benchmarks;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** How long the JMH runs last: BENCHMARK.md's full run, a quicker one for iterating, or the build's smoke run. */
public enum RunMode {
    /** 1 fork, 3 x 1 s warm-up, 5 x 1 s measured, per side and mode. */
    FULL("full (1 fork, 3 x 1 s warm-up, 5 x 1 s measured, per side and mode)"),
    /** 1 fork, 2 x 1 s warm-up, 2 x 1 s measured: for comparing fixes, not for the record. */
    QUICK("quick (1 fork, 2 x 1 s warm-up, 2 x 1 s measured)"),
    /** In-process, no warm-up, one 200 ms iteration, one shared server: proves it builds and runs. */
    SMOKE("smoke (in-process, one 200 ms iteration, no warm-up)");

    private final String description;

    RunMode(String description) {
        this.description = description;
    }

    /** What the mode does, for the report. */
    public String description() {
        return description;
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

    ChainedOptionsBuilder apply(ChainedOptionsBuilder options) {
        return switch (this) {
            case FULL -> options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
            case QUICK -> options.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(2).measurementTime(TimeValue.seconds(1));
            case SMOKE -> options.forks(0).warmupIterations(0)
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                    .verbosity(VerboseMode.SILENT);
        };
    }
}
