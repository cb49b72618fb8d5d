package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.api.StatefulConnection;

/**
 * Told about each data connection a cache's endpoints open and close (a server's, or a whole
 * cluster's), for layers that must set a connection up before the cache uses it, such as the
 * near cache turning on {@code CLIENT TRACKING}. Called on the thread that opens or closes, with
 * the endpoint's lock held: implementations must be quick and must not send a command and wait
 * for it.
 */
public interface ConnectionObserver {
    /** Observes nothing. */
    ConnectionObserver NONE = new ConnectionObserver() {
        @Override
        public void opened(StatefulConnection<String, byte[]> connection) {
            // nothing to set up
        }

        @Override
        public void closing(StatefulConnection<String, byte[]> connection) {
            // nothing to tear down
        }
    };

    /** {@code connection} was just opened; no command of the cache has been sent on it yet. */
    void opened(StatefulConnection<String, byte[]> connection);

    /** {@code connection} is about to be closed for good by the cache. */
    void closing(StatefulConnection<String, byte[]> connection);
}
