package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.Timeout;

/**
 * Counters incremented by N threads while a fault is injected (connection kills, a killed
 * primary): how many increments were acknowledged, how many failed, and what the counters hold
 * afterwards, which must be at least the acknowledged ones and at most those plus the failed ones
 * (a failed increment may have been applied before its reply was lost).
 */
final class IncrementCount {
    private static final int COUNTERS = 8;
    private final AtomicLongArray acknowledged = new AtomicLongArray(COUNTERS);
    private final AtomicLongArray failed = new AtomicLongArray(COUNTERS);
    private final long[] stored = new long[COUNTERS];
    private long kills;
    private LoadProbe load;

    /** The fault of one round, every 200 ms: kills connections (or a server), returns how many. */
    @FunctionalInterface
    interface Killer {
        long kill(LoadProbe load) throws Exception;
    }

    /**
     * Runs {@code threads} incrementing {@value #COUNTERS} counters for {@code duration}, calling
     * {@code killer} every 200 ms meanwhile, then reads the counters back.
     */
    static IncrementCount run(RedisCache cache, int threads, Duration duration, Killer killer) throws Exception {
        IncrementCount count = new IncrementCount();
        for (int c = 0; c < COUNTERS; c++) {
            cache.set("counter-" + c, 0, Timeout.NEVER);
        }
        try (LoadProbe load = LoadProbe.start(threads, (thread, i) -> {
            int counter = (int) ((thread + i) % COUNTERS);
            try {
                cache.incr("counter-" + counter);
                count.acknowledged.incrementAndGet(counter);
            } catch (CacheConnectionException e) {
                count.failed.incrementAndGet(counter);
                throw e;
            }
        })) {
            count.load = load;
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(200);
                count.kills += killer.kill(load);
            }
        }
        for (int c = 0; c < COUNTERS; c++) {
            count.stored[c] = awaitStored(cache, "counter-" + c);
        }
        return count;
    }

    /**
     * The counter's value, asked again while the cache fails or finds none (a node that has just
     * rejoined may answer for a moment before it learns that it was failed over), for up to 30 s.
     */
    private static long awaitStored(RedisCache cache, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                Object value = cache.get(key);
                if (value != null) {
                    return ((Number) value).longValue();
                }
            } catch (CacheConnectionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            assertThat(System.nanoTime()).as("%s was readable within 30 s", key).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The load that made the increments (stopped). */
    LoadProbe load() {
        return load;
    }

    long acknowledged() {
        long sum = 0;
        for (int c = 0; c < COUNTERS; c++) {
            sum += acknowledged.get(c);
        }
        return sum;
    }

    long stored() {
        long sum = 0;
        for (long value : stored) {
            sum += value;
        }
        return sum;
    }

    /** Every counter holds at least its acknowledged increments and at most those plus its failed ones. */
    void assertNoAcknowledgedIncrementLost(Set<String> allowedErrors) {
        for (int c = 0; c < COUNTERS; c++) {
            assertThat(stored[c]).as("counter %d", c)
                    .isBetween(acknowledged.get(c), acknowledged.get(c) + failed.get(c));
        }
        assertThat(kills).as("connections killed").isPositive();
        assertThat(acknowledged()).as("increments acknowledged").isPositive();
        assertThat(load.failuresByType().keySet()).as("errors by type").isSubsetOf(allowedErrors);
    }

    @Override
    public String toString() {
        return acknowledged() + " increments acknowledged, " + load.failures() + " failed " + load.failuresByType()
                + ", " + stored() + " stored (" + (stored() == acknowledged() ? "equal"
                        : (stored() - acknowledged()) + " unacknowledged ones applied") + "), " + kills
                + " connections killed, longest call " + load.longestMillis() + " ms";
    }
}
