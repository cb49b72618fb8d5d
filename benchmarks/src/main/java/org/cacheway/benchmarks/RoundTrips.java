package org.cacheway.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Counts the commands a client sends per operation, by watching Redis's {@code MONITOR} stream:
 * every line is one command; lines from inside a Lua script ({@code [0 lua]}) are not round trips,
 * nor are {@code PING}s, the health checks of pooled connections that a client sends on its own
 * schedule (Redisson pings each of its pooled connections every 30 s). A workload needing
 * one round trip per call shows 1.0 here.
 */
final class RoundTrips {
    private static final String END_MARKER = "cacheway-bench-round-trips-end";

    private RoundTrips() {
    }

    /** Client commands per run of {@code operation}, averaged over {@code runs} after one uncounted run. */
    static double perOperation(BenchEnvironment env, Runnable operation, int runs) {
        operation.run(); // first use: connections, and the one EVAL that loads a script after NOSCRIPT
        try (Socket socket = new Socket(env.host(), env.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("*1\r\n$7\r\nMONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String ok = in.readLine();
            if (!"+OK".equals(ok)) {
                throw new IllegalStateException("MONITOR answered " + ok);
            }
            for (int i = 0; i < runs; i++) {
                operation.run();
            }
            env.raw().sync().echo(END_MARKER.getBytes(StandardCharsets.US_ASCII));
            long commands = 0;
            for (String line = in.readLine(); line != null && !line.contains(END_MARKER); line = in.readLine()) {
                if (!line.contains(" lua]") && !line.endsWith("\"PING\"")) {
                    commands++;
                }
            }
            return (double) commands / runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
