package org.cacheway.cache.redis;

import org.cacheway.cache.CacheConnectionException;

/**
 * A write that fewer replicas acknowledged than {@code OPTIONS['WAIT_REPLICAS']} asked within
 * {@code WAIT_TIMEOUT} ({@code WAIT_MODE = "strict"}, the default). The write itself was applied
 * and stays on the primary, which may lose it if it fails before a replica has it; the caller may
 * write it again or treat it as not durable. A kind of connection error (the replicas are out of
 * reach), so fail-open survives it as an outage.
 */
public class ReplicaWaitException extends CacheConnectionException {
    private static final long serialVersionUID = 1L;

    private final long acknowledged;
    private final int required;

    /** A replica wait that {@code acknowledged} of {@code required} replicas answered, with its message. */
    public ReplicaWaitException(String message, long acknowledged, int required) {
        super(message, null);
        this.acknowledged = acknowledged;
        this.required = required;
    }

    /** How many replicas acknowledged the write in time (the fewest of any primary it went to). */
    public long acknowledged() {
        return acknowledged;
    }

    /** How many replicas {@code WAIT_REPLICAS} asked for. */
    public int required() {
        return required;
    }
}
