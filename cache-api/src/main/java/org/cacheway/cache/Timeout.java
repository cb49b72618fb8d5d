package org.cacheway.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a value lives, with Django's three meanings: {@link #DEFAULT} (the cache's
 * {@code TIMEOUT}), {@link #NEVER} (no expiry, Django's {@code None}) and a finite duration, where
 * zero or negative means the value is not kept at all (a later get misses).
 *
 * <p>Finite timeouts have millisecond resolution, as django-redis's {@code PX}; a timeout below one
 * millisecond therefore expires at once.
 */
public final class Timeout {
    private enum Kind { DEFAULT, NEVER, FINITE }

    /** The cache's configured {@code TIMEOUT} (Django's {@code DEFAULT_TIMEOUT} sentinel). */
    public static final Timeout DEFAULT = new Timeout(Kind.DEFAULT, 0);
    /** No expiry (Django's {@code timeout=None}). */
    public static final Timeout NEVER = new Timeout(Kind.NEVER, 0);
    /** Expire at once: the value is not kept. */
    public static final Timeout ZERO = new Timeout(Kind.FINITE, 0);

    private final Kind kind;
    private final long millis;

    private Timeout(Kind kind, long millis) {
        this.kind = kind;
        this.millis = millis;
    }

    /** A finite timeout in whole seconds; zero or negative means "do not keep". */
    public static Timeout seconds(long seconds) {
        return millis(Math.multiplyExact(seconds, 1000L));
    }

    /**
     * A finite timeout in fractional seconds (Django accepts floats such as {@code 100.2}); the
     * fraction below a millisecond is truncated, as django-redis does.
     */
    public static Timeout seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException("timeout is NaN");
        }
        return millis((long) (seconds * 1000.0));
    }

    /** A finite timeout in milliseconds; zero or negative means "do not keep". */
    public static Timeout millis(long millis) {
        return millis <= 0 ? ZERO : new Timeout(Kind.FINITE, millis);
    }

    /** A finite timeout from a duration; zero or negative means "do not keep". */
    public static Timeout of(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        return millis(duration.toMillis());
    }

    /** Whether this is the "use the cache's TIMEOUT" sentinel. */
    public boolean isDefault() {
        return kind == Kind.DEFAULT;
    }

    /** Whether this means no expiry. */
    public boolean isNever() {
        return kind == Kind.NEVER;
    }

    /** Whether this is a finite timeout that is already over (zero or negative): nothing is kept. */
    public boolean isExpired() {
        return kind == Kind.FINITE && millis <= 0;
    }

    /**
     * The finite timeout in milliseconds.
     *
     * @throws IllegalStateException for {@link #DEFAULT} and {@link #NEVER}
     */
    public long toMillis() {
        if (kind != Kind.FINITE) {
            throw new IllegalStateException("Timeout." + kind + " has no length");
        }
        return millis;
    }

    /** This timeout, or {@code cacheDefault} when this is {@link #DEFAULT}. */
    public Timeout orDefault(Timeout cacheDefault) {
        return kind == Kind.DEFAULT ? cacheDefault : this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Timeout t && t.kind == kind && t.millis == millis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, millis);
    }

    @Override
    public String toString() {
        switch (kind) {
            case DEFAULT:
                return "Timeout.DEFAULT";
            case NEVER:
                return "Timeout.NEVER";
            default:
                return millis % 1000 == 0 ? "Timeout.seconds(" + millis / 1000 + ")" : "Timeout.millis(" + millis + ")";
        }
    }
}
