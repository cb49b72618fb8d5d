package org.cacheway.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Launches {@code redis-server} from the PATH (or {@code CACHEWAY_REDIS_SERVER}) as child processes. */
final class LocalLauncher implements Launcher {

    private static final Pattern VERSION = Pattern.compile("v=(\\S+)");

    private final Path binary;
    private final String version;

    private LocalLauncher(Path binary, String version) {
        this.binary = binary;
        this.version = version;
    }

    /** Finds a usable {@code redis-server}, or empty when there is none. */
    static Optional<LocalLauncher> find() {
        return findBinary().map(binary -> new LocalLauncher(binary, versionOf(binary)));
    }

    @Override
    public RedisSource source() {
        return RedisSource.LOCAL;
    }

    @Override
    public String describe() {
        return "redis-server " + version + " from " + binary;
    }

    @Override
    public NodeBackend create(Path directory, Path config, boolean sentinel) {
        List<String> command = new ArrayList<>(List.of(binary.toString(), config.toString()));
        if (sentinel) {
            command.add("--sentinel");
        }
        return new ProcessBackend(command, directory);
    }

    private static Optional<Path> findBinary() {
        String explicit = Sources.setting("CACHEWAY_REDIS_SERVER");
        if (explicit != null) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String versionOf(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? matcher.group(1) : "(unknown version)";
        } catch (IOException e) {
            return "(unknown version: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown version)";
        }
    }
}
