package org.cacheway.benchmarks;

/**
 * A workload with both sides' measurements.
 *
 * @param workload the workload
 * @param cacheway Cacheway's side
 * @param raw raw Lettuce's side
 */
public record Row(Workload workload, Measurement cacheway, Measurement raw) {

    /** Cacheway's throughput over raw Lettuce's. */
    public double ratio() {
        return cacheway.opsPerSecond() / raw.opsPerSecond();
    }
}
