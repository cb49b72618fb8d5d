package org.cacheway.cache.redis.internal.lettuce;

import io.netty.util.concurrent.EventExecutorGroup;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cacheway.cache.CacheServerException;

/**
 * When a command is sent again: after a {@code TRYAGAIN} (a multi-key command on a slot being
 * migrated) or {@code LOADING} (the server is loading its dataset) reply, which Redis gives before
 * running the command, so that sending it again cannot apply it twice. Retries wait 10 ms, then
 * twice as long each time up to 200 ms, at most {@value #MAX_ATTEMPTS} attempts in all, and never
 * start after the command's timeout ({@code SOCKET_TIMEOUT}) has passed since the first attempt:
 * past that, the last reply's {@link CacheServerException} is the command's error. The waits are
 * scheduled on Lettuce's event executors, never slept on the calling thread.
 */
final class ServerRetry {
    /** The reply codes that are retried. */
    static final Set<String> CODES = Set.of("TRYAGAIN", "LOADING");
    /** Attempts of one command at most, the first included. */
    static final int MAX_ATTEMPTS = 32;
    private static final long FIRST_DELAY_MILLIS = 10;
    private static final long MAX_DELAY_MILLIS = 200;

    private final long budgetNanos;
    private final Supplier<EventExecutorGroup> scheduler;

    ServerRetry(Duration commandTimeout, Supplier<EventExecutorGroup> scheduler) {
        this.budgetNanos = commandTimeout.toNanos();
        this.scheduler = scheduler;
    }

    /**
     * The milliseconds to wait before attempt {@code attempts + 1} of a command first sent at
     * {@code startedNanos} whose last attempt failed with {@code error}, or -1 not to retry.
     */
    long delayMillis(Throwable error, int attempts, long startedNanos) {
        if (!(error instanceof CacheServerException server) || !CODES.contains(server.code())
                || attempts >= MAX_ATTEMPTS) {
            return -1;
        }
        long delay = Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << Math.min(attempts - 1, 10));
        long elapsed = System.nanoTime() - startedNanos;
        return elapsed + TimeUnit.MILLISECONDS.toNanos(delay) < budgetNanos ? delay : -1;
    }

    /** Runs {@code attempt} after {@code delayMillis}, off the calling thread. */
    void schedule(Runnable attempt, long delayMillis) {
        scheduler.get().schedule(attempt, delayMillis, TimeUnit.MILLISECONDS);
    }
}
