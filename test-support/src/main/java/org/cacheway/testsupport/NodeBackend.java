package org.cacheway.testsupport;

/** Runs one server: a local process, a container or an external server we do not manage. */
interface NodeBackend {

    /** Launches the server (without waiting for it to answer); may be called again after {@link #kill()}. */
    void start();

    /** Whether the process or container is alive (a paused one counts as alive). */
    boolean isRunning();

    /** Kills the server abruptly (SIGKILL / docker kill). */
    void kill();

    /** Freezes the server (SIGSTOP / docker pause). */
    void pause();

    /** Unfreezes the server (SIGCONT / docker unpause). */
    void resume();

    /** Stops the server for good, gracefully if it answers quickly; idempotent. */
    void stop();
}
