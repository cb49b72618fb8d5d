package org.cacheway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real Redis server (data node or sentinel) on a loopback port, with fault-injection controls:
 * {@link #kill()}, {@link #restart()}, {@link #pause()} and {@link #resume()}.
 */
public final class RedisNode {

    private static final Logger LOG = LoggerFactory.getLogger(RedisNode.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(20);
    private static final int START_ATTEMPTS = 3;

    private final String name;
    private final String host;
    private final Path directory;
    private final Launcher launcher;
    private final boolean sentinel;
    private final boolean clusterBus;
    private final IntFunction<String> config;
    private final String rawUserInfo;
    private volatile int port;
    private volatile NodeBackend backend;

    private RedisNode(String name, String host, int port, Path directory, Launcher launcher, boolean sentinel,
            boolean clusterBus, IntFunction<String> config, String rawUserInfo) {
        this.name = name;
        this.host = host;
        this.port = port;
        this.directory = directory;
        this.launcher = launcher;
        this.sentinel = sentinel;
        this.clusterBus = clusterBus;
        this.config = config;
        this.rawUserInfo = rawUserInfo;
    }

    /** A node we start ourselves; {@code config} renders its config file for a given port. */
    static RedisNode managed(String name, Path directory, Launcher launcher, boolean sentinel, boolean clusterBus,
            IntFunction<String> config) {
        return new RedisNode(name, "127.0.0.1", 0, directory, launcher, sentinel, clusterBus, config, null);
    }

    /** A node for the server at {@code url} (REDIS_URL), which we neither start nor stop. */
    static RedisNode external(String url) {
        URI uri = URI.create(url);
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalStateException("test-support: REDIS_URL must look like redis://[[user]:password@]"
                    + "host[:port][/db], got " + url);
        }
        RedisNode node = new RedisNode("external", uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), null,
                null, false, false, null, uri.getRawUserInfo());
        node.backend = new ExternalBackend(node.host + ":" + node.port, node::answersPing);
        return node;
    }

    /** A short name such as {@code primary}, {@code replica-1}, {@code sentinel-2} or {@code node-3}. */
    public String name() {
        return name;
    }

    /** The host the server listens on: {@code 127.0.0.1} for servers test-support starts. */
    public String host() {
        return host;
    }

    /** The TCP port the server listens on (kept across {@link #restart()}). */
    public int port() {
        return port;
    }

    /** {@code host:port}, as Redis reports addresses. */
    public String address() {
        return host + ":" + port;
    }

    /** {@code redis://127.0.0.1:PORT} (with credentials, if REDIS_URL had some). */
    public String uri() {
        return "redis://" + (rawUserInfo == null ? "" : rawUserInfo + "@") + host + ":" + port;
    }

    /** {@code redis://127.0.0.1:PORT/db}, selecting database {@code db}. */
    public String uri(int db) {
        return uri() + "/" + db;
    }

    /** Whether this node is a Redis Sentinel rather than a data node. */
    public boolean isSentinel() {
        return sentinel;
    }

    /** The server's log file while the topology is open; empty for a REDIS_URL server. */
    public Optional<Path> logFile() {
        return Optional.ofNullable(directory).map(dir -> dir.resolve("redis.log"));
    }

    /** Whether the process or container is alive; a paused server still counts as running. */
    public boolean isRunning() {
        NodeBackend current = backend;
        return current != null && current.isRunning();
    }

    /** Kills the server abruptly (SIGKILL, or {@code docker kill}), as a crash would. */
    public void kill() {
        requireBackend().kill();
        LOG.info("test-support: killed {} on {}", name, address());
    }

    /** Starts the server again on the same port with the same config file, waiting until it answers PING. */
    public void restart() {
        NodeBackend current = requireBackend();
        if (current instanceof ExternalBackend) {
            current.kill(); // throws the explanatory UnsupportedOperationException
        }
        if (current.isRunning()) {
            current.stop();
        }
        current.start();
        awaitPing();
        LOG.info("test-support: restarted {} on {}", name, address());
    }

    /** Freezes the server (SIGSTOP, or {@code docker pause}) to simulate a hung process. */
    public void pause() {
        requireBackend().pause();
        LOG.info("test-support: paused {} on {}", name, address());
    }

    /** Unfreezes a server frozen by {@link #pause()} (SIGCONT, or {@code docker unpause}). */
    public void resume() {
        requireBackend().resume();
        LOG.info("test-support: resumed {} on {}", name, address());
    }

    /** Opens a new admin connection (authenticated if REDIS_URL had credentials); close it after use. */
    public RespClient connect() {
        RespClient client = RespClient.connect(host, port);
        if (rawUserInfo != null) {
            try {
                URI uri = URI.create("redis://" + rawUserInfo + "@" + host + ":" + port);
                String[] parts = uri.getUserInfo().split(":", 2);
                if (parts.length == 1) {
                    client.call("AUTH", parts[0]);
                } else if (parts[0].isEmpty()) {
                    client.call("AUTH", parts[1]);
                } else {
                    client.call("AUTH", parts[0], parts[1]);
                }
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }
        return client;
    }

    /** Sends one command on a fresh connection and returns the reply (see {@link RespClient#call}). */
    public Object call(Object... args) {
        try (RespClient client = connect()) {
            return client.call(args);
        }
    }

    /** {@code INFO section} parsed into a map of field to value. */
    public Map<String, String> info(String section) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : String.valueOf(call("INFO", section)).split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    /** The first element of {@code ROLE}: {@code master}, {@code slave} or {@code sentinel}. */
    public String role() {
        return String.valueOf(((List<?>) call("ROLE")).get(0));
    }

    @Override
    public String toString() {
        return name + "@" + address();
    }

    /** Picks a port, writes the config, launches and waits for PING; retries on a port race. */
    void start() {
        if (launcher == null) {
            awaitPing();
            LOG.info("test-support: using the Redis server at REDIS_URL {} (not started or stopped by test-support)",
                    address());
            return;
        }
        IllegalStateException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            port = Ports.freePort(clusterBus);
            Path configFile = directory.resolve(sentinel ? "sentinel.conf" : "redis.conf");
            try {
                Files.createDirectories(directory);
                Files.writeString(configFile, config.apply(port));
            } catch (IOException e) {
                throw new UncheckedIOException("test-support: cannot write " + configFile, e);
            }
            backend = launcher.create(directory, configFile, sentinel);
            backend.start();
            try {
                awaitPing();
                LOG.info("test-support: using {} for {} on {}", launcher.describe(), name, address());
                return;
            } catch (IllegalStateException e) {
                boolean portRace = !backend.isRunning() && logTail().contains("Address already in use");
                backend.stop();
                if (!portRace) {
                    throw e;
                }
                failure = e;
                LOG.info("test-support: port {} was taken meanwhile, retrying {} on another port", port, name);
            }
        }
        throw failure;
    }

    /** Stops the server for good (a no-op for REDIS_URL servers). */
    void stop() {
        NodeBackend current = backend;
        if (current != null) {
            current.stop();
        }
    }

    /** The last lines of the log file, for failure messages. */
    String logTail() {
        return directory == null ? "(external server, no log file)"
                : RunDirectory.tail(directory.resolve("redis.log"), 30)
                        + "\n" + RunDirectory.tail(directory.resolve("stdout.log"), 10);
    }

    private void awaitPing() {
        NodeBackend current = backend;
        Await.until(name + " on " + address() + " answers PING", STARTUP_TIMEOUT, () -> {
            if (launcher != null && !current.isRunning()) {
                throw new Await.GiveUp("the server process exited");
            }
            return "PONG".equals(call("PING"));
        }, this::logTail);
    }

    private boolean answersPing() {
        try {
            return "PONG".equals(call("PING"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private NodeBackend requireBackend() {
        NodeBackend current = backend;
        if (current == null) {
            throw new IllegalStateException("test-support: " + name + " was never started");
        }
        return current;
    }
}
