package org.cacheway.benchmarks;

import java.util.Arrays;
import java.util.Optional;

/**
 * A library BENCHMARK.md's targets compare Cacheway with, measured as a third side of the
 * benchmark when the run is given {@code --peers}: each workload class names the peer's benchmark
 * method after it ({@link #method()}), and the trials of that method connect the peer's client.
 */
public enum Peer {
    /** Spring Data Redis's {@code RedisCache} (W1-W5, W7) and Spring Session's {@code RedisSessionRepository} (W6). */
    SPRING("Spring", "spring"),
    /** Redisson's {@code RBucket}, {@code RBuckets}, {@code RMap} and {@code RLock}. */
    REDISSON("Redisson", "redisson");

    private final String label;
    private final String method;

    Peer(String label, String method) {
        this.label = label;
        this.method = method;
    }

    /** The name the report gives the peer. */
    public String label() {
        return label;
    }

    /** The name of the peer's benchmark method in every workload class. */
    public String method() {
        return method;
    }

    /** The peer whose side the JMH benchmark {@code benchmark} (a class and method name) measures, if any. */
    static Optional<Peer> measuredBy(String benchmark) {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return Arrays.stream(values()).filter(p -> p.method.equals(method)).findFirst();
    }
}
