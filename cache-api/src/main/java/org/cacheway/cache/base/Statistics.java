package org.cacheway.cache.base;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import org.cacheway.cache.CacheStatistics;

/** One alias's counters: striped, so counting costs the hot paths next to nothing under contention. */
final class Statistics {
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

    void puts(long count) {
        puts.add(count);
    }

    void deletes(long count) {
        deletes.add(count);
    }

    void load(boolean succeeded, long nanos) {
        (succeeded ? loadSuccesses : loadFailures).increment();
        loadNanos.add(nanos);
    }

    /** The counters now, with {@code store}'s evictions and size (unknown when {@code store} is null). */
    CacheStatistics snapshot(CacheStore store) {
        return new CacheStatistics(hits.sum(), misses.sum(), puts.sum(), deletes.sum(),
                store == null ? OptionalLong.empty() : store.evictions(), store == null ? OptionalLong.empty() : store.size(),
                loadSuccesses.sum(), loadFailures.sum(), Duration.ofNanos(loadNanos.sum()));
    }
}
