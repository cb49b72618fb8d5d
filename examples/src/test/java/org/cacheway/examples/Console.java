package org.cacheway.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A {@link PrintStream} that keeps what the examples print, for assertions. */
final class Console {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** The stream to hand to an example. */
    PrintStream stream() {
        return stream;
    }

    /** Everything printed so far. */
    String text() {
        stream.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
