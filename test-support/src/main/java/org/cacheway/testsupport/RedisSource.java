package org.cacheway.testsupport;

/** Where a topology's servers come from; see the module README for how one is chosen. */
public enum RedisSource {
    /** An existing server named by the {@code REDIS_URL} environment variable (standalone only, not managed). */
    URL,
    /** {@code redis-server} processes started from the PATH. */
    LOCAL,
    /** {@code redis:7} containers with host networking, started through Testcontainers. */
    DOCKER
}
