package org.cacheway.benchmarks;

/**
 * What JMH measured for one side of one workload.
 *
 * @param opsPerSecond throughput (all threads together)
 * @param p50Micros median latency from SampleTime mode
 * @param p99Micros 99th percentile latency from SampleTime mode
 * @param bytesPerOp bytes allocated per operation in the whole JVM (JMH's {@code gc.alloc.rate.norm})
 */
public record Measurement(double opsPerSecond, double p50Micros, double p99Micros, double bytesPerOp) {

    /** Mean time per operation and thread, in microseconds, from the throughput. */
    public double microsPerOp(int threads) {
        return threads * 1e6 / opsPerSecond;
    }
}
