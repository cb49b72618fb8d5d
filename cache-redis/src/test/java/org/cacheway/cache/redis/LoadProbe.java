package org.cacheway.cache.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded load for the reliability tests: N threads calling one operation in a loop until
 * closed (or a hard limit of 120 s), recording every call's duration and every failure by type,
 * so a test can inject a fault (kill, freeze, connection kills) and report the way the adversarial
 * run did: errors, the longest call and the time to recover.
 */
public final class LoadProbe implements AutoCloseable {
    /** One call of the load. */
    @FunctionalInterface
    public interface Operation {
        /** Runs call {@code i} of thread {@code thread}; an exception counts as a failure. */
        void run(int thread, long i) throws Exception;
    }

    private static final long HARD_LIMIT_NANOS = Duration.ofSeconds(120).toNanos();

    private final Operation operation;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long startedNanos = System.nanoTime();
    private final LongAdder calls = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final Map<String, LongAdder> failuresByType = new ConcurrentHashMap<>();
    private final AtomicLong longestNanos = new AtomicLong();
    private final AtomicLong lastFailureEndNanos = new AtomicLong();
    private final AtomicLong lastSuccessEndNanos = new AtomicLong();
    private volatile long markNanos;
    private volatile String lastError = "";

    private LoadProbe(Operation operation) {
        this.operation = operation;
    }

    /** Starts {@code count} threads running {@code operation}. */
    public static LoadProbe start(int count, Operation operation) {
        LoadProbe probe = new LoadProbe(operation);
        for (int t = 0; t < count; t++) {
            int thread = t;
            Thread worker = new Thread(() -> probe.loop(thread), "load-" + t);
            worker.setDaemon(true);
            probe.threads.add(worker);
            worker.start();
        }
        return probe;
    }

    private void loop(int thread) {
        for (long i = 0; running.get() && System.nanoTime() - startedNanos < HARD_LIMIT_NANOS; i++) {
            long start = System.nanoTime();
            try {
                operation.run(thread, i);
                lastSuccessEndNanos.accumulateAndGet(System.nanoTime(), Math::max);
            } catch (Exception | AssertionError e) {
                failures.increment();
                failuresByType.computeIfAbsent(e.getClass().getSimpleName(), type -> new LongAdder()).increment();
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastFailureEndNanos.accumulateAndGet(System.nanoTime(), Math::max);
                pause();
            } finally {
                calls.increment();
                longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Notes the moment a fault ends (the server restarted or resumed): recovery is measured from it. */
    public void mark() {
        markNanos = System.nanoTime();
    }

    /**
     * Waits until a call succeeded after {@link #mark()} and none failed for {@code quiet}; the
     * milliseconds from the mark to the end of the last failed call (0 when none failed after
     * it), or -1 when that did not happen within {@code limit}.
     */
    public long awaitRecovery(Duration quiet, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long lastFailure = lastFailureEndNanos.get();
            long now = System.nanoTime();
            if (lastSuccessEndNanos.get() > Math.max(markNanos, lastFailure) && now - lastFailure > quiet.toNanos()) {
                return Math.max(0, (lastFailure - markNanos) / 1_000_000);
            }
            Thread.sleep(20);
        }
        return -1;
    }

    /**
     * Milliseconds from {@link #mark()} to the end of the last failed call (0 when none failed
     * after it): how long the fault made calls fail.
     */
    public long failingMillisAfterMark() {
        return Math.max(0, (lastFailureEndNanos.get() - markNanos) / 1_000_000);
    }

    /** Milliseconds since the last failed call ended (since the start when none failed). */
    public long millisSinceLastFailure() {
        return (System.nanoTime() - Math.max(startedNanos, lastFailureEndNanos.get())) / 1_000_000;
    }

    /** Calls made so far, failed or not. */
    public long calls() {
        return calls.sum();
    }

    /** Failed calls so far. */
    public long failures() {
        return failures.sum();
    }

    /** Failed calls by exception class (simple name). */
    public Map<String, Long> failuresByType() {
        Map<String, Long> counts = new TreeMap<>();
        failuresByType.forEach((type, count) -> counts.put(type, count.sum()));
        return counts;
    }

    /** The longest call so far, in milliseconds. */
    public long longestMillis() {
        return longestNanos.get() / 1_000_000;
    }

    /** The last failure's type and message. */
    public String lastError() {
        return lastError;
    }

    /** Stops the threads and waits for them (each finishes its current call). */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }
}
