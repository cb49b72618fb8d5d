package org.cacheway.cache.codec;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's {@code /usr/bin/python3} for the interoperability tests. A missing interpreter or
 * module fails the test with the Debian package to install (these tests are never skipped).
 */
final class Python {
    static final String EXECUTABLE = "/usr/bin/python3";

    /** Python module → Debian package providing it. */
    static final Map<String, String> PACKAGES = new LinkedHashMap<>();

    static {
        PACKAGES.put("json", "python3");
        PACKAGES.put("zlib", "python3");
        PACKAGES.put("gzip", "python3");
        PACKAGES.put("lzma", "python3");
        PACKAGES.put("lz4.frame", "python3-lz4");
        PACKAGES.put("zstd", "python3-zstd");
        PACKAGES.put("django", "python3-django");
        PACKAGES.put("django_redis", "python3-django-redis");
    }

    private Python() {
    }

    /** Fails unless the interpreter and every module the tests use are installed. */
    static void requireModules() {
        if (!Files.isExecutable(Path.of(EXECUTABLE))) {
            fail(EXECUTABLE + " is missing: install the Debian package python3 (apt-get install -y python3 "
                    + String.join(" ", new java.util.TreeSet<>(PACKAGES.values())) + ")");
        }
        StringBuilder script = new StringBuilder("import importlib\nfor m in [");
        PACKAGES.keySet().forEach(m -> script.append('\'').append(m).append("',"));
        script.append("]:\n    try:\n        importlib.import_module(m)\n    except Exception:\n        print(m)\n");
        String missing = run(script.toString(), "").strip();
        if (!missing.isEmpty()) {
            List<String> packages = new ArrayList<>();
            for (String module : missing.split("\\s+")) {
                packages.add(PACKAGES.get(module) + " (Python module " + module + ")");
            }
            fail("Python modules missing for " + EXECUTABLE + "; install the Debian packages: " + packages
                    + ", e.g. apt-get install -y " + String.join(" ", packages).replaceAll(" \\(Python module [^)]*\\)", ""));
        }
    }

    /** Runs a script with {@code stdin} as input and returns its standard output; fails on a non-zero exit. */
    static String run(String script, String stdin) {
        try {
            Process process = new ProcessBuilder(EXECUTABLE, "-c", script).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("python3 timed out");
            }
            String stdout = new String(out.get(), StandardCharsets.UTF_8);
            String stderr = new String(err.get(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail("python3 exited with " + process.exitValue() + ":\n" + stderr + "\nscript:\n" + script);
            }
            return stdout;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + EXECUTABLE + " (install the Debian package python3): " + e, e);
        } catch (Exception e) {
            throw new AssertionError("running python3 failed: " + e, e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
