package org.cacheway.examples;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the example mains accept from the command line, system properties and the environment:
 * {@code --redis-url URL} (or {@code REDIS_URL}), {@code --settings FILE} (or {@code CACHEWAY_SETTINGS}),
 * {@code --port N} (or {@code DEMO_PORT}, 0 = any free port) and {@code --stop-after SECONDS}
 * (or {@code DEMO_STOP_AFTER}; none = run until Ctrl-C). A system property of the same name as the
 * environment variable wins over it.
 */
public record ExampleOptions(String redisUrl, Path settingsFile, int port, Duration stopAfter) {

    /** The default HTTP port of the web demo. */
    public static final int DEFAULT_PORT = 8000;

    /** Options with nothing configured: the settings on the classpath, port 8000, run until stopped. */
    public static ExampleOptions defaults() {
        return new ExampleOptions(null, null, DEFAULT_PORT, null);
    }

    /** Options from {@code args}, falling back to system properties and environment variables. */
    public static ExampleOptions parse(String... args) {
        String redisUrl = setting("REDIS_URL");
        String settings = setting("CACHEWAY_SETTINGS");
        String port = setting("DEMO_PORT");
        String stopAfter = setting("DEMO_STOP_AFTER");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--redis-url" -> redisUrl = required(args[i], value);
                case "--settings" -> settings = required(args[i], value);
                case "--port" -> port = required(args[i], value);
                case "--stop-after" -> stopAfter = required(args[i], value);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i]
                        + "'; expected --redis-url URL, --settings FILE, --port N or --stop-after SECONDS");
            }
            i++;
        }
        return new ExampleOptions(blankToNull(redisUrl),
                settings == null || settings.isBlank() ? null : Path.of(settings),
                port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.trim()),
                stopAfter == null || stopAfter.isBlank() ? null : Duration.ofSeconds(Long.parseLong(stopAfter.trim())));
    }

    /** A copy that talks to {@code url} instead. */
    public ExampleOptions withRedisUrl(String url) {
        return new ExampleOptions(url, settingsFile, port, stopAfter);
    }

    private static String setting(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }

    private static String required(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
