package org.cacheway.session.redis;

import java.io.IOException;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cacheway.testsupport.DebianPython;

/**
 * A Python virtual environment with Django 5.2 and redis-py, made once under {@code target/} with
 * Debian's {@code /usr/bin/python3 -m venv} and pip (from the package index pip is configured with):
 * {@code django==5.2.17}, then {@code redis==8.1.0} without dependencies plus a one-line
 * {@code async_timeout} module re-exporting {@code asyncio.timeout} (redis-py asks for
 * {@code async-timeout} below Python 3.11.3, which that index may not serve). Scripts run through
 * {@link DebianPython#run(Path, String, String, String...)} with the venv's interpreter. It takes
 * about 15 s the first time and is reused while {@code target/} stays. When it cannot be made, the test fails
 * saying how to install what is missing.
 */
final class Django52Venv {
    static final String DJANGO = "5.2.17";
    static final String REDIS = "8.1.0";
    private static final Path HOME = Path.of("target", "django-" + DJANGO + "-venv").toAbsolutePath();
    private static final Path PYTHON = HOME.resolve("bin").resolve("python");
    private static final Path READY = HOME.resolve("cacheway-ready");

    private Django52Venv() {
    }

    /** The venv's interpreter, making the venv first if it is not ready; fails with how to fix it. */
    static synchronized Path python() {
        if (!Files.exists(READY)) {
            make();
        }
        return PYTHON;
    }

    /** Runs {@code script} with {@code args} on the venv's Python and returns its standard output. */
    static String run(String script, String... args) {
        return DebianPython.run(python(), script, "", args);
    }

    private static void make() {
        command(List.of(DebianPython.executable().toString(), "-m", "venv", "--clear", HOME.toString()),
                "install Debian's venv support with 'apt-get install -y python3-venv'");
        command(List.of(PYTHON.toString(), "-m", "pip", "install", "--quiet", "--retries", "1", "django==" + DJANGO),
                "pip could not install django==" + DJANGO + " from the package index it is configured with");
        command(List.of(PYTHON.toString(), "-m", "pip", "install", "--quiet", "--retries", "1", "--no-deps",
                "redis==" + REDIS), "pip could not install redis==" + REDIS);
        try {
            String sitePackages = DebianPython.run(PYTHON, "import sysconfig; print(sysconfig.get_paths()['purelib'])", "")
                    .strip();
            Files.writeString(Path.of(sitePackages, "async_timeout.py"),
                    "# redis-py's async-timeout need, met by the standard library (Python 3.11+).\n"
                            + "from asyncio import timeout  # noqa: F401\n", StandardCharsets.UTF_8);
            DebianPython.run(PYTHON, "import django, redis\nassert django.__version__ == '" + DJANGO + "'\n", "");
            Files.writeString(READY, DJANGO + " " + REDIS + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish the Django " + DJANGO + " venv in " + HOME, e);
        }
    }

    private static void command(List<String> command, String fix) {
        Path log = HOME.resolveSibling(HOME.getFileName() + ".log");
        String shown = String.join(" ", command);
        try {
            Files.createDirectories(HOME.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("cannot make the Django " + DJANGO + " venv: " + shown + " took over 300 s ("
                        + fix + ")");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("cannot make the Django " + DJANGO + " venv: " + shown + " failed (" + fix
                        + "):\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot make the Django " + DJANGO + " venv: " + shown + " (" + fix + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while making the Django " + DJANGO + " venv", e);
        }
    }
}
