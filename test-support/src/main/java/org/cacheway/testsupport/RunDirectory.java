package org.cacheway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/** Where servers keep their files ({@code target/redis-work/...}) and where logs are retained. */
final class RunDirectory {

    /** System property naming the directory under which failed runs' logs are kept. */
    static final String LOG_DIR_PROPERTY = "cacheway.test.logDir";
    /** System property naming the directory under which servers get their working directories. */
    static final String WORK_DIR_PROPERTY = "cacheway.test.workDir";

    private static final long MAX_COPIED_FILE_BYTES = 20L * 1024 * 1024;

    private RunDirectory() {
    }

    /** The root for retained logs: {@code -Dcacheway.test.logDir} or {@code target/redis-logs}. */
    static Path logRoot() {
        String configured = System.getProperty(LOG_DIR_PROPERTY);
        return (configured == null || configured.isBlank() ? Path.of("target", "redis-logs")
                : Path.of(configured)).toAbsolutePath();
    }

    /** Creates a fresh, uniquely named directory for one topology under the work root. */
    static Path create(String label) {
        String configured = System.getProperty(WORK_DIR_PROPERTY);
        Path root = configured == null || configured.isBlank()
                ? logRoot().resolveSibling("redis-work") : Path.of(configured).toAbsolutePath();
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, label + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("test-support: cannot create a work directory under " + root, e);
        }
    }

    /** Copies the logs and configs (not data files) of {@code source} into {@code target}, keeping the layout. */
    static void copyLogs(Path source, Path target) {
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".rdb") || name.endsWith(".aof") || Files.size(file) > MAX_COPIED_FILE_BYTES) {
                    continue;
                }
                Path copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("test-support: cannot copy logs from " + source + " to " + target, e);
        }
    }

    /** Deletes a directory tree, ignoring files that vanish meanwhile. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("test-support: cannot delete " + directory, e);
        }
    }

    /** The last {@code lines} lines of a log file, or a note that it does not exist. */
    static String tail(Path file, int lines) {
        if (file == null || !Files.exists(file)) {
            return "(no log file " + file + ")";
        }
        try {
            List<String> all = Files.readAllLines(file);
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "--- last " + last.size() + " lines of " + file + " ---\n" + String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
