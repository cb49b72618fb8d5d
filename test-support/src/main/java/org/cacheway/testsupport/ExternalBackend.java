package org.cacheway.testsupport;

import java.util.function.BooleanSupplier;

/** A server named by REDIS_URL: test-support neither starts nor stops it, so faults cannot be injected. */
final class ExternalBackend implements NodeBackend {

    private final String url;
    private final BooleanSupplier ping;

    ExternalBackend(String url, BooleanSupplier ping) {
        this.url = url;
        this.ping = ping;
    }

    @Override
    public void start() {
        // Nothing to start: the server already runs.
    }

    @Override
    public boolean isRunning() {
        return ping.getAsBoolean();
    }

    @Override
    public void kill() {
        throw unsupported("kill()");
    }

    @Override
    public void pause() {
        throw unsupported("pause()");
    }

    @Override
    public void resume() {
        throw unsupported("resume()");
    }

    @Override
    public void stop() {
        // Not ours to stop.
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("test-support: " + what + " is not supported for the external "
                + "server at REDIS_URL " + url + ", which test-support does not manage; run with "
                + "CACHEWAY_REDIS_SOURCE=local (redis-server on the PATH) or docker for fault-injection tests.");
    }
}
