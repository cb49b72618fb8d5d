package org.cacheway.examples;

import java.io.PrintStream;
import java.net.URI;

/**
 * The Redis the examples talk to: the one in {@code REDIS_URL} or the settings file when it answers,
 * else a {@code redis-server} started here on a free port (stopped by {@link #close()}). Sessions and
 * values go to database 1 unless the configured location names another, as in the Django walkthrough.
 */
public final class ExampleRedis implements AutoCloseable {
    /** The database the examples use when the configuration does not name one. */
    public static final int DEFAULT_DB = 1;

    private final String location;
    private final String host;
    private final int port;
    private final int db;
    private final RedisServerProcess started;

    private ExampleRedis(String location, String host, int port, int db, RedisServerProcess started) {
        this.location = location;
        this.host = host;
        this.port = port;
        this.db = db;
        this.started = started;
    }

    /**
     * Picks the Redis: {@code REDIS_URL} (option, property or environment), else the settings file's
     * {@code LOCATION}; when neither is set or the server does not answer, starts one. Says which on {@code out}.
     */
    public static ExampleRedis resolve(ExampleOptions options, ExampleSettings settings, PrintStream out) {
        String configured = options.redisUrl() != null ? options.redisUrl() : settings.location();
        String origin = options.redisUrl() != null ? "REDIS_URL" : "LOCATION in " + settings.source();
        if (configured != null) {
            ExampleRedis given = parse(configured);
            if (RedisProbe.answersPing(given.host, given.port)) {
                out.println("Using the Redis at " + given.host + ":" + given.port + " (db " + given.db + ") from " + origin + ".");
                return given;
            }
            out.println("No Redis answers at " + given.host + ":" + given.port + " (" + origin + "); starting one instead.");
        }
        RedisServerProcess server = RedisServerProcess.start();
        out.println("No Redis configured (set REDIS_URL or LOCATION to use yours): started " + server.description()
                + " on 127.0.0.1:" + server.port() + "; it stops when this program does.");
        return new ExampleRedis("127.0.0.1:" + server.port() + ":" + DEFAULT_DB, "127.0.0.1", server.port(),
                DEFAULT_DB, server);
    }

    /**
     * A Redis from a {@code redis://[[user]:password@]host[:port][/db]} URL or a {@code host:port:db}
     * location; a URL without a database gets {@link #DEFAULT_DB}.
     */
    static ExampleRedis parse(String location) {
        if (location.contains("://")) {
            URI uri = URI.create(location);
            String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
            int db = path.isEmpty() ? DEFAULT_DB : Integer.parseInt(path);
            int port = uri.getPort() == -1 ? 6379 : uri.getPort();
            String withDb = path.isEmpty() ? location.replaceAll("/?$", "") + "/" + db : location;
            return new ExampleRedis(withDb, uri.getHost(), port, db, null);
        }
        String[] parts = location.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Redis location '" + location
                    + "' is neither redis://host:port/db nor host:port:db");
        }
        return new ExampleRedis(location, parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), null);
    }

    /** The cache {@code LOCATION} to configure. */
    public String location() {
        return location;
    }

    /** The server's host. */
    public String host() {
        return host;
    }

    /** The server's port. */
    public int port() {
        return port;
    }

    /** The database number. */
    public int db() {
        return db;
    }

    /** The {@code redis-cli} arguments that reach this server and database. */
    public String cliArguments() {
        return ("127.0.0.1".equals(host) || "localhost".equals(host) ? "" : "-h " + host + " ")
                + "-p " + port + " -n " + db;
    }

    /** Stops the server if this process started it. */
    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
