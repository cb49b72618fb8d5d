package org.cacheway.cache.locmem;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told, so expiry tests need no sleeps. Thread-safe. */
final class ManualClock implements InstantSource {
    private volatile long millis = 1_800_000_000_000L;

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public long millis() {
        return millis;
    }

    /** Moves the clock forward. */
    synchronized void advance(Duration duration) {
        millis += duration.toMillis();
    }
}
