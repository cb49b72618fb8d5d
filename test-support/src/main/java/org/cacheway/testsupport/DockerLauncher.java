package org.cacheway.testsupport;

import java.nio.file.Path;

/** Launches each node as a {@code redis:7} container (or {@code CACHEWAY_REDIS_IMAGE}) via Testcontainers. */
final class DockerLauncher implements Launcher {

    private final String image;

    DockerLauncher() {
        String configured = Sources.setting("CACHEWAY_REDIS_IMAGE");
        this.image = configured == null ? "redis:7" : configured;
    }

    /** Whether Testcontainers is on the class path and a Docker engine answers. */
    static boolean available() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, DockerLauncher.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        try {
            return ContainerBackend.dockerAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    @Override
    public RedisSource source() {
        return RedisSource.DOCKER;
    }

    @Override
    public String describe() {
        return "Docker image " + image + " (host network, via Testcontainers)";
    }

    @Override
    public NodeBackend create(Path directory, Path config, boolean sentinel) {
        return new ContainerBackend(image, directory, config, sentinel);
    }
}
