package org.cacheway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs Debian's {@code /usr/bin/python3} (or {@code -Dcacheway.python}) for the interoperability tests.
 * A missing interpreter or module fails the test with the {@code apt-get install} line that fixes it:
 * these tests are never skipped.
 */
public final class DebianPython {
    /** The interpreter: {@code /usr/bin/python3} unless {@code -Dcacheway.python} names another. */
    static final String EXECUTABLE = System.getProperty("cacheway.python", "/usr/bin/python3");

    /** How long one script may run before it is killed and the test fails. */
    static final long TIMEOUT_SECONDS = 120;

    /** Python module (top-level name) → the Debian package providing it, for the modules the tests use. */
    private static final Map<String, String> PACKAGES = Map.of(
            "django", "python3-django-redis",
            "django_redis", "python3-django-redis",
            "lz4", "python3-lz4",
            "zstd", "python3-zstd",
            "pytz", "python3-tz",
            "ensurepip", "python3-venv");

    /** Standard-library modules that come with the {@code python3} package itself. */
    private static final Set<String> STANDARD = Set.of("json", "sys", "zlib", "gzip", "lzma", "importlib",
            "random", "struct", "types", "datetime", "decimal", "uuid", "pickle", "pickletools", "zoneinfo", "os");

    private DebianPython() {
    }

    /**
     * Fails with an {@link AssertionError} naming the Debian packages to {@code apt-get install} unless the
     * interpreter exists and every one of {@code modules} (e.g. {@code "django_redis"}, {@code "lz4.frame"}) imports.
     */
    public static void require(String... modules) {
        if (!Files.isExecutable(Path.of(EXECUTABLE))) {
            Set<String> packages = new LinkedHashSet<>(List.of("python3"));
            for (String module : modules) {
                packages.add(debianPackage(module));
            }
            throw new AssertionError(EXECUTABLE + " not found: install Debian's Python and the modules these tests"
                    + " need with 'apt-get install -y " + String.join(" ", packages) + "'");
        }
        StringBuilder script = new StringBuilder("import importlib\nfor m in [");
        for (String module : modules) {
            script.append('\'').append(module).append("', ");
        }
        script.append("]:\n    try:\n        importlib.import_module(m)\n    except Exception as e:\n"
                + "        print(m + '\\t' + repr(e))\n");
        String missing = run(script.toString(), "").strip();
        if (!missing.isEmpty()) {
            Set<String> packages = new LinkedHashSet<>();
            List<String> problems = new ArrayList<>();
            for (String line : missing.split("\n")) {
                String module = line.split("\t", 2)[0];
                packages.add(debianPackage(module));
                problems.add(line.replace('\t', ' '));
            }
            throw new AssertionError("Python modules missing for " + EXECUTABLE + " (" + String.join("; ", problems)
                    + "): install them with 'apt-get install -y " + String.join(" ", packages) + "'");
        }
    }

    /** The Debian package providing {@code module}: a known mapping, {@code python3}, or Debian's naming rule. */
    static String debianPackage(String module) {
        String top = module.split("\\.", 2)[0];
        if (STANDARD.contains(top)) {
            return "python3";
        }
        return PACKAGES.getOrDefault(top, "python3-" + top.replace('_', '-').toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Runs {@code script} with {@code python3 -c script args...}, feeding it {@code stdin} (UTF-8; null for none),
     * and returns its standard output; fails with its standard error on a non-zero exit or after 120 s.
     */
    public static String run(String script, String stdin, String... args) {
        return runWith(EXECUTABLE, script, stdin, args);
    }

    /** {@link #run} with another interpreter (a virtual environment's). */
    static String runWith(String executable, String script, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(executable, "-c", script));
        command.addAll(List.of(args));
        return execute(command, stdin, describe(script, args));
    }

    /**
     * Runs a command, feeding it {@code stdin} (UTF-8; null for none), and returns its standard output;
     * fails with its standard error on a non-zero exit or after 120 s, {@code what} saying what ran.
     */
    static String execute(List<String> command, String stdin, String what) {
        String name = Path.of(command.get(0)).getFileName().toString();
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (install Debian's Python with"
                    + " 'apt-get install -y python3'): " + e, e);
        }
        FutureTask<byte[]> out = background(name + "-stdout", () -> readAll(process.getInputStream()));
        FutureTask<byte[]> err = background(name + "-stderr", () -> readAll(process.getErrorStream()));
        byte[] input = stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8);
        background(name + "-stdin", () -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(input);
            } catch (IOException e) {
                // The command exited without reading all of stdin: its exit code and stderr tell why.
            }
            return null;
        });
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(name + " timed out after " + TIMEOUT_SECONDS + " s" + what);
            }
            String stdout = new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            String stderr = new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(name + " exited with " + process.exitValue() + what + ":\n" + stderr);
            }
            return stdout;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("cannot read the output of " + name + ": " + e, e);
        }
    }

    private static String describe(String script, String... args) {
        String firstLines = script.lines().limit(3).reduce((a, b) -> a + "\n" + b).orElse("");
        return " (args " + List.of(args) + ", script starting:\n" + firstLines + "\n)";
    }

    private static <T> FutureTask<T> background(String name, java.util.concurrent.Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(future, name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
