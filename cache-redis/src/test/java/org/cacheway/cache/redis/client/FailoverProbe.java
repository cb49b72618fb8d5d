package org.cacheway.cache.redis.client;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Timeout;

/**
 * A steady load for failover tests: a background thread doing set then get of a rotating key
 * as fast as it can, counting failed operations and noting when writes fail and succeed, so a
 * test can measure how long writes stayed unavailable after it broke a server.
 */
final class FailoverProbe implements AutoCloseable {
    private final Cache cache;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong lastWriteFailureNanos = new AtomicLong();
    private final AtomicLong lastWriteSuccessNanos = new AtomicLong();
    private volatile long markNanos;
    private volatile long failuresAtMark;
    private volatile long operationsAtMark;
    private volatile String lastError = "";

    private FailoverProbe(Cache cache) {
        this.cache = cache;
        this.thread = new Thread(this::run, "failover-probe");
        thread.setDaemon(true);
    }

    /** Starts the load on {@code cache}. */
    static FailoverProbe start(Cache cache) {
        FailoverProbe probe = new FailoverProbe(cache);
        probe.thread.start();
        return probe;
    }

    private void run() {
        long i = 0;
        while (running.get()) {
            String key = "probe-" + (i++ % 100);
            try {
                cache.set(key, "value-" + i, Timeout.seconds(300));
                lastWriteSuccessNanos.set(System.nanoTime());
            } catch (RuntimeException e) {
                failed(e);
                lastWriteFailureNanos.set(System.nanoTime());
                pause();
                continue;
            }
            try {
                cache.get(key);
                operations.incrementAndGet();
            } catch (RuntimeException e) {
                failed(e);
                pause();
            }
            operations.incrementAndGet();
        }
    }

    private void failed(RuntimeException e) {
        operations.incrementAndGet();
        failures.incrementAndGet();
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Notes the moment the fault is injected. */
    void mark() {
        failuresAtMark = failures.get();
        operationsAtMark = operations.get();
        markNanos = System.nanoTime();
    }

    /**
     * Waits until no write has failed for {@code quiet} and one succeeded since; returns the
     * milliseconds from {@link #mark()} to the first successful write after the last failure.
     */
    long awaitRecovery(java.time.Duration quiet, java.time.Duration limit) throws InterruptedException {
        long deadline = markNanos + limit.toNanos();
        while (System.nanoTime() < deadline) {
            long lastFailure = lastWriteFailureNanos.get();
            long lastSuccess = lastWriteSuccessNanos.get();
            if (lastSuccess > markNanos && lastSuccess > lastFailure && System.nanoTime() - Math.max(lastFailure,
                    markNanos) > quiet.toNanos()) {
                return (Math.max(lastFailure, markNanos) - markNanos) / 1_000_000;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    /** Operations since the mark. */
    long operationsSinceMark() {
        return operations.get() - operationsAtMark;
    }

    /** Failed operations since the mark. */
    long failuresSinceMark() {
        return failures.get() - failuresAtMark;
    }

    /** The last error seen. */
    String lastError() {
        return lastError;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(30_000);
    }
}
