package org.cacheway.testsupport;

import java.util.Locale;
import java.util.Optional;

/** Chooses where servers come from: {@code CACHEWAY_REDIS_SOURCE}, else REDIS_URL, PATH, Docker. */
final class Sources {

    /** Name of the system property or environment variable that forces a source. */
    static final String SOURCE_SETTING = "CACHEWAY_REDIS_SOURCE";

    private static final String HOW_TO = "Install Redis so redis-server is on the PATH (e.g. `apt-get install "
            + "redis-server`), or start a Docker engine (Testcontainers runs redis:7), or set REDIS_URL="
            + "redis://host:port to an existing server (standalone topologies only).";

    private static Optional<LocalLauncher> local;
    private static Boolean docker;

    private Sources() {
    }

    /** A setting from a system property or, failing that, the environment; {@code null} when blank. */
    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The source for a topology; {@code standalone} topologies may use REDIS_URL. */
    static RedisSource choose(boolean standalone, String topology) {
        String forced = setting(SOURCE_SETTING);
        if (forced != null) {
            RedisSource source = parse(forced);
            if (source == RedisSource.URL && !standalone) {
                throw new IllegalStateException("test-support: " + SOURCE_SETTING + "=url only serves standalone "
                        + "topologies, but a " + topology + " topology was requested; use local or docker.");
            }
            if (source == RedisSource.URL && setting("REDIS_URL") == null) {
                throw new IllegalStateException("test-support: " + SOURCE_SETTING + "=url but REDIS_URL is not set.");
            }
            if (source == RedisSource.LOCAL && localLauncher().isEmpty()) {
                throw new IllegalStateException("test-support: " + SOURCE_SETTING + "=local but no redis-server "
                        + "was found on the PATH. " + HOW_TO);
            }
            if (source == RedisSource.DOCKER && !dockerAvailable()) {
                throw new IllegalStateException("test-support: " + SOURCE_SETTING + "=docker but no Docker engine "
                        + "answers (or Testcontainers is not on the class path). " + HOW_TO);
            }
            return source;
        }
        if (standalone && setting("REDIS_URL") != null) {
            return RedisSource.URL;
        }
        if (localLauncher().isPresent()) {
            return RedisSource.LOCAL;
        }
        if (dockerAvailable()) {
            return RedisSource.DOCKER;
        }
        throw new IllegalStateException("test-support: no Redis server available for a " + topology
                + " topology. " + HOW_TO);
    }

    /** The launcher for {@link RedisSource#LOCAL} or {@link RedisSource#DOCKER}. */
    static Launcher launcher(RedisSource source) {
        if (source == RedisSource.LOCAL) {
            return localLauncher().orElseThrow();
        }
        if (source == RedisSource.DOCKER) {
            return new DockerLauncher();
        }
        throw new IllegalArgumentException("no launcher for " + source);
    }

    private static RedisSource parse(String value) {
        try {
            return RedisSource.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("test-support: " + SOURCE_SETTING + "=" + value
                    + " is not one of local, docker, url", e);
        }
    }

    private static synchronized Optional<LocalLauncher> localLauncher() {
        if (local == null) {
            local = LocalLauncher.find();
        }
        return local;
    }

    private static synchronized boolean dockerAvailable() {
        if (docker == null) {
            docker = DockerLauncher.available();
        }
        return docker;
    }
}
