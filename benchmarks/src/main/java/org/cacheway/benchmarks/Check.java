package org.cacheway.benchmarks;

/**
 * One target of BENCHMARK.md and whether this run met it.
 *
 * @param target the target, as BENCHMARK.md states it
 * @param met whether it was met
 * @param detail the measured figures behind the verdict
 */
public record Check(String target, boolean met, String detail) {
}
