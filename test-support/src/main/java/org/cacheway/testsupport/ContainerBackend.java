package org.cacheway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code redis-server} in a container with host networking; its directory is bind-mounted at the same
 * path and it runs as the current user so both sides can write the files. Only loaded when Testcontainers
 * is on the class path.
 */
final class ContainerBackend implements NodeBackend {

    private final GenericContainer<?> container;
    private boolean created;
    private volatile boolean paused;

    ContainerBackend(String image, Path directory, Path config, boolean sentinel) {
        List<String> command = new ArrayList<>(List.of("redis-server", config.toString()));
        if (sentinel) {
            command.add("--sentinel");
        }
        String user = ownerOf(directory);
        container = new GenericContainer<>(DockerImageName.parse(image))
                .withNetworkMode("host")
                .withFileSystemBind(directory.toString(), directory.toString(), BindMode.READ_WRITE)
                .withCreateContainerCmdModifier(cmd -> cmd.withUser(user))
                .withCommand(command.toArray(String[]::new))
                .waitingFor(new AbstractWaitStrategy() {
                    @Override
                    protected void waitUntilReady() {
                        // RedisNode polls PING itself.
                    }
                });
    }

    /** Whether a Docker engine answers; any failure (no engine, broken config) means "no". */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public synchronized void start() {
        if (!created) {
            container.start();
            created = true;
        } else {
            container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
        }
    }

    @Override
    public boolean isRunning() {
        return created && container.isRunning();
    }

    @Override
    public synchronized void kill() {
        if (isRunning()) {
            unpauseIfPaused(); // docker refuses to kill a paused container
            container.getDockerClient().killContainerCmd(container.getContainerId()).exec();
        }
    }

    @Override
    public synchronized void pause() {
        container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
        paused = true;
    }

    @Override
    public synchronized void resume() {
        container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
        paused = false;
    }

    @Override
    public synchronized void stop() {
        if (created) {
            unpauseIfPaused();
            container.stop();
            created = false;
        }
    }

    private void unpauseIfPaused() {
        if (paused) {
            resume();
        }
    }

    private static String ownerOf(Path directory) {
        try {
            return Files.getAttribute(directory, "unix:uid") + ":" + Files.getAttribute(directory, "unix:gid");
        } catch (IOException e) {
            throw new UncheckedIOException("test-support: cannot read the owner of " + directory, e);
        }
    }
}
