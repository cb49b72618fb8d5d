package org.cacheway.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What was logged while an action ran, read where the tests' SLF4J simple binding writes it:
 * {@code System.err}, looked up at each write, so swapping it for the action catches every thread's
 * lines (and the action's own {@code System.err} output).
 */
public final class LogCapture {
    /** An action that may throw, as test code does. */
    @FunctionalInterface
    public interface Action {
        /** Runs the action. */
        void run() throws Exception;
    }

    private LogCapture() {
    }

    /**
     * Runs {@code action} with {@code System.err} captured, and returns what was written to it.
     *
     * @throws Exception what the action threw
     */
    public static String during(Action action) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
