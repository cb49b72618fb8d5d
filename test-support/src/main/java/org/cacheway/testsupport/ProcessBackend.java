package org.cacheway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@code redis-server} child process; signals are sent with {@code kill -STOP/-CONT}. */
final class ProcessBackend implements NodeBackend {

    private final List<String> command;
    private final Path directory;
    private volatile Process process;
    private volatile boolean paused;

    ProcessBackend(List<String> command, Path directory) {
        this.command = List.copyOf(command);
        this.directory = directory;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("test-support: " + command + " is already running");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("test-support: cannot run " + command + ": " + e, e);
        }
        paused = false;
        ProcessReaper.register(process);
    }

    @Override
    public boolean isRunning() {
        Process current = process;
        return current != null && current.isAlive();
    }

    @Override
    public synchronized void kill() {
        Process current = process;
        if (current == null) {
            return;
        }
        current.destroyForcibly();
        waitFor(current, 10);
        ProcessReaper.unregister(current);
        paused = false;
    }

    @Override
    public synchronized void pause() {
        signal("STOP");
        paused = true;
    }

    @Override
    public synchronized void resume() {
        signal("CONT");
        paused = false;
    }

    @Override
    public synchronized void stop() {
        Process current = process;
        if (current == null) {
            return;
        }
        if (paused && current.isAlive()) {
            kill();
            return;
        }
        current.destroy();
        if (!waitFor(current, 5)) {
            current.destroyForcibly();
            waitFor(current, 10);
        }
        ProcessReaper.unregister(current);
    }

    private void signal(String signal) {
        Process current = process;
        if (current == null || !current.isAlive()) {
            throw new IllegalStateException("test-support: cannot send SIG" + signal + ", the server is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(current.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("test-support: kill -" + signal + " " + current.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("test-support: cannot run kill -" + signal, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("test-support: interrupted while sending SIG" + signal, e);
        }
    }

    private static boolean waitFor(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
