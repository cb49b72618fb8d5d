package org.cacheway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A Python virtual environment the interoperability tests make for software Debian does not package
 * (Django 5.2 with redis-py): {@code /usr/bin/python3 -m venv}, then {@code pip install --retries 1}
 * of pinned versions from whatever package index pip is configured with. It lives in
 * {@code ~/.cache/cacheway/venvs/<name>} (or {@code -Dcacheway.venv.dir}) and is reused once complete,
 * so only the first run pays for it; creation is locked against other test JVMs. When the packages
 * cannot be had, the test fails saying how to install them.
 */
public final class PythonVenv {
    private static final String COMPLETE = ".cacheway-complete";
    /** redis-py needs {@code async_timeout} below Python 3.11.3; asyncio has had the same since 3.11. */
    private static final String ASYNC_TIMEOUT = "from asyncio import timeout\n";

    private final Path dir;
    private final List<List<String>> installs;

    private PythonVenv(Path dir, List<List<String>> installs) {
        this.dir = dir;
        this.installs = installs;
    }

    /**
     * Django 5.2.17 with redis-py 8.1.0 installed without its dependencies (its {@code async-timeout}
     * requirement is met by a one-line {@code async_timeout} module).
     */
    public static PythonVenv django52() {
        Path root = Path.of(System.getProperty("cacheway.venv.dir",
                Path.of(System.getProperty("user.home"), ".cache", "cacheway", "venvs").toString()));
        return new PythonVenv(root.resolve("django-5.2.17-redis-8.1.0"), List.of(List.of("django==5.2.17"),
                List.of("--no-deps", "redis==8.1.0")));
    }

    /** A venv in {@code dir} with other pip arguments, one install per list (for the support's own tests). */
    static PythonVenv at(Path dir, List<List<String>> installs) {
        return new PythonVenv(dir, installs);
    }

    /** Where the venv lives. */
    public Path directory() {
        return dir;
    }

    /** The venv's interpreter. */
    public Path python() {
        return dir.resolve("bin").resolve("python");
    }

    /**
     * Makes the venv unless it is already complete.
     *
     * @throws AssertionError saying what to install when {@code venv} or {@code pip} fails
     */
    public synchronized PythonVenv ensure() {
        if (complete()) {
            return this;
        }
        try {
            Files.createDirectories(dir.getParent());
            try (FileChannel channel = FileChannel.open(dir.getParent().resolve(dir.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (!complete()) {
                    create();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the Python venv " + dir, e);
        }
        return this;
    }

    private boolean complete() {
        Path marker = dir.resolve(COMPLETE);
        try {
            return Files.isExecutable(python()) && Files.isRegularFile(marker)
                    && Files.readString(marker).equals(installs.toString());
        } catch (IOException e) {
            return false;
        }
    }

    private void create() throws IOException {
        DebianPython.require("venv", "ensurepip");
        deleteTree(dir);
        try {
            DebianPython.execute(List.of(DebianPython.EXECUTABLE, "-m", "venv", dir.toString()), null,
                    " (making a venv)");
        } catch (AssertionError e) {
            throw new AssertionError(DebianPython.EXECUTABLE + " -m venv " + dir + " failed; install Debian's venv"
                    + " support with 'apt-get install -y python3-venv': " + e.getMessage(), e);
        }
        for (List<String> install : installs) {
            List<String> command = new ArrayList<>(List.of(python().toString(), "-m", "pip", "install", "--retries",
                    "1", "--disable-pip-version-check"));
            command.addAll(install);
            try {
                DebianPython.execute(command, null, " (pip install " + String.join(" ", install) + ")");
            } catch (AssertionError e) {
                throw new AssertionError("cannot pip install " + String.join(" ", install) + " into " + dir
                        + ": make the packages available to pip (a package index in pip.conf or PIP_INDEX_URL, or"
                        + " wheels in PIP_FIND_LINKS), or make the venv by hand: " + recipe() + "\n" + e.getMessage(), e);
            }
        }
        String purelib = DebianPython.runWith(python().toString(), "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                null).strip();
        Files.writeString(Path.of(purelib, "async_timeout.py"), ASYNC_TIMEOUT, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(COMPLETE), installs.toString(), StandardCharsets.UTF_8);
    }

    /** The shell commands that make this venv by hand. */
    String recipe() {
        StringBuilder out = new StringBuilder(DebianPython.EXECUTABLE + " -m venv " + dir);
        for (List<String> install : installs) {
            out.append(" && ").append(python()).append(" -m pip install --retries 1 ").append(String.join(" ", install));
        }
        return out.append(" && echo '").append(ASYNC_TIMEOUT.strip()).append("' > $(").append(python())
                .append(" -c \"import sysconfig; print(sysconfig.get_paths()['purelib'])\")/async_timeout.py")
                .append(" && printf '%s' '").append(installs).append("' > ").append(dir.resolve(COMPLETE)).toString();
    }

    /**
     * Runs {@code script} with the venv's {@code python -c script args...} (making the venv first),
     * feeding it {@code stdin}; returns its standard output, failing with its standard error.
     */
    public String run(String script, String stdin, String... args) {
        ensure();
        return DebianPython.runWith(python().toString(), script, stdin, args);
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public String toString() {
        return "PythonVenv[" + dir + ", " + installs + "]";
    }
}
