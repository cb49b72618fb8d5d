package org.cacheway.examples;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A throw-away {@code redis-server} on a free loopback port, for machines without a Redis: the one on
 * the {@code PATH} if there is one, else the binary shipped in {@code com.github.codemonstur:embedded-redis}.
 * Nothing is persisted; {@link #close()} (or JVM exit) stops it.
 */
public final class RedisServerProcess implements AutoCloseable {
    /** Set to {@code embedded} to skip the {@code PATH} and use the binary from the embedded-redis jar. */
    public static final String SOURCE_PROPERTY = "cacheway.examples.redisServer";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final Path workDir;
    private final int port;
    private final String description;
    private final Thread shutdownHook;

    private RedisServerProcess(Process process, Path workDir, int port, String description) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.description = description;
        this.shutdownHook = new Thread(this::stopProcess, "redis-server-stopper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server on a free port and waits until it answers PING. */
    public static RedisServerProcess start() {
        try {
            Path workDir = Files.createTempDirectory("cacheway-redis-");
            Path binary;
            String description;
            Optional<Path> onPath = "embedded".equals(System.getProperty(SOURCE_PROPERTY))
                    ? Optional.empty() : findOnPath("redis-server");
            if (onPath.isPresent()) {
                binary = onPath.get();
                description = "redis-server from the PATH (" + binary + ")";
            } else {
                String resource = embeddedBinaryName();
                binary = extract(resource, workDir);
                description = "the " + resource + " binary shipped in com.github.codemonstur:embedded-redis";
            }
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", workDir.toString(),
                    "--logfile", workDir.resolve("redis.log").toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("stdout.log").toFile()).start();
            RedisServerProcess server = new RedisServerProcess(process, workDir, port, description);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a redis-server: " + e.getMessage(), e);
        }
    }

    /** The port the server listens on (on 127.0.0.1). */
    public int port() {
        return port;
    }

    /** Where the binary came from, for the console. */
    public String description() {
        return description;
    }

    /** Stops the server and deletes its files. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: nothing left to undo.
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(description + " exited with " + process.exitValue() + ": " + logTail());
            }
            if (RedisProbe.answersPing("127.0.0.1", port)) {
                return;
            }
            sleep(100);
        }
        stopProcess();
        throw new IOException(description + " did not answer PING on port " + port + " within "
                + START_TIMEOUT.toSeconds() + " s: " + logTail());
    }

    private String logTail() {
        try {
            Path log = workDir.resolve("redis.log");
            String text = Files.exists(log) ? Files.readString(log) : "";
            text += Files.readString(workDir.resolve("stdout.log"));
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(workDir);
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The name of embedded-redis's binary for this OS and CPU. */
    static String embeddedBinaryName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm");
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("windows")) {
            return "redis-server-5.0.14.1-windows-amd64.exe";
        }
        throw new IllegalStateException("No embedded redis-server for " + os + "/" + arch
                + ": install Redis (e.g. apt-get install redis-server) or set REDIS_URL");
    }

    private static Path extract(String resource, Path dir) throws IOException {
        try (InputStream in = RedisServerProcess.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the classpath (artifact com.github.codemonstur:embedded-redis)");
            }
            Path target = dir.resolve(resource);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            if (!target.toFile().setExecutable(true, true)) {
                throw new IOException("Cannot make " + target + " executable");
            }
            return target;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for redis-server", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temp directory left behind is harmless.
        }
    }
}
