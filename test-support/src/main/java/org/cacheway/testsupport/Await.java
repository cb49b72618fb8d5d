package org.cacheway.testsupport;

import java.time.Duration;
import java.util.function.Supplier;

/** Bounded polling: waits for a condition and fails with diagnostics (log tails) when it never holds. */
final class Await {

    /** A condition that may throw; a thrown exception counts as "not yet" unless it is a {@link GiveUp}. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Thrown by a condition to stop waiting at once (e.g. the process died). */
    static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp(String message) {
            super(message);
        }
    }

    private static final long POLL_MILLIS = 100;

    private Await() {
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes, then throws with {@code diagnostics}. */
    static void until(String what, Duration timeout, Condition condition, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (GiveUp e) {
                throw new IllegalStateException("test-support: " + what + " failed: " + e.getMessage()
                        + "\n" + diagnostics.get(), e);
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("test-support: timed out after " + timeout.toMillis()
                        + " ms waiting until " + what + (last == null ? "" : " (last error: " + last + ")")
                        + "\n" + diagnostics.get(), last);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("test-support: interrupted while waiting until " + what, e);
            }
        }
    }
}
