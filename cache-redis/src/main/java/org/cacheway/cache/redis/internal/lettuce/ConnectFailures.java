package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.RedisConnectionException;
import java.time.Duration;

/**
 * Connect failures of one endpoint: a message that says where the cache tried to connect and what
 * to check (instead of Lettuce's {@code host/<unresolved>:port}), and the fail-fast window after a
 * failure, during which callers get the last failure at once instead of each waiting out the
 * connect timeout.
 */
final class ConnectFailures {
    private final String address;
    private final long retryDelayNanos;
    private final Duration connectTimeout;
    private volatile long retryAfterNanos;
    private volatile RedisConnectionException last;

    ConnectFailures(String address, Duration retryDelay, Duration connectTimeout) {
        this.address = address;
        this.retryDelayNanos = retryDelay.toNanos();
        this.connectTimeout = connectTimeout;
    }

    /** Throws the last failure again while its retry delay runs. */
    void checkRetry() {
        RedisConnectionException failure = last;
        if (failure != null && System.nanoTime() - retryAfterNanos < 0) {
            throw new RedisConnectionException("Not connected: the last attempt failed. " + failure.getMessage(),
                    failure);
        }
    }

    /** Records a failed connect; the exception to throw, with a message naming the address and what to check. */
    RedisConnectionException failed(RuntimeException error) {
        RedisConnectionException described = new RedisConnectionException(describe(error), error);
        last = described;
        retryAfterNanos = System.nanoTime() + retryDelayNanos;
        return described;
    }

    void succeeded() {
        last = null;
    }

    private String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage().replace("/<unresolved>", "").replace("<unresolved>", "");
        return "Cannot connect to Redis at " + address + " (" + reason + "): check that redis-server is running there "
                + "and reachable from this machine, that LOCATION names it (host, port, password, TLS) and that "
                + "SOCKET_CONNECT_TIMEOUT (" + connectTimeout.toMillis() + " ms) is long enough";
    }
}
