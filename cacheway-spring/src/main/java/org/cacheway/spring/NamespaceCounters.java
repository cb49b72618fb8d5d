package org.cacheway.spring;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.cacheway.cache.CacheStatistics;

/**
 * The counters of one Spring cache that lives in a namespace of a shared alias, kept apart from the
 * alias's own so that each Spring cache reports its own figures. Striped, like the core's.
 */
final class NamespaceCounters {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final LongAdder loadSuccesses = new LongAdder();
    private final LongAdder loadFailures = new LongAdder();
    private final LongAdder loadNanos = new LongAdder();

    void read(boolean hit) {
        (hit ? hits : misses).increment();
    }

    void reads(int found, int asked) {
        hits.add(found);
        misses.add(asked - found);
    }

    boolean put(boolean stored) {
        if (stored) {
            puts.increment();
        }
        return stored;
    }

    void puts(long count) {
        puts.add(count);
    }

    boolean delete(boolean removed) {
        if (removed) {
            deletes.increment();
        }
        return removed;
    }

    long deletes(long count) {
        deletes.add(count);
        return count;
    }

    /**
     * {@code supplier}, counted as a load when it runs; {@code ran[0]} is set so the caller can
     * tell a computed value (a miss) from a cached one (a hit).
     */
    <T> Supplier<T> timed(Supplier<T> supplier, boolean[] ran) {
        return () -> {
            ran[0] = true;
            long start = System.nanoTime();
            boolean succeeded = false;
            try {
                T value = supplier.get();
                succeeded = true;
                return value;
            } finally {
                (succeeded ? loadSuccesses : loadFailures).increment();
                loadNanos.add(System.nanoTime() - start);
            }
        };
    }

    /** Counts the outcome of a {@code getOrSet}: a hit, or a miss whose computed value was stored. */
    <T> T loaded(T value, boolean ran) {
        read(!ran);
        put(ran);
        return value;
    }

    /** A snapshot; size and evictions are unknown for a namespace. */
    CacheStatistics snapshot() {
        return new CacheStatistics(hits.sum(), misses.sum(), puts.sum(), deletes.sum(), OptionalLong.empty(),
                OptionalLong.empty(), loadSuccesses.sum(), loadFailures.sum(), Duration.ofNanos(loadNanos.sum()));
    }
}
