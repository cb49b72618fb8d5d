package org.cacheway.testsupport;

import java.nio.file.Path;

/** Creates the backends of one {@link RedisSource}: local processes or containers. */
interface Launcher {

    /** The source this launcher stands for. */
    RedisSource source();

    /** A human description for logs, e.g. {@code "redis-server 7.0.15 from /usr/bin/redis-server"}. */
    String describe();

    /** A backend running {@code redis-server <config> [--sentinel]} with {@code directory} as working dir. */
    NodeBackend create(Path directory, Path config, boolean sentinel);
}
