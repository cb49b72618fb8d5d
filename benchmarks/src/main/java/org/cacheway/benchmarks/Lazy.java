package org.cacheway.benchmarks;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value made on its first use only, once, whichever thread asks first: the peers' clients and
 * sessions, which a trial of another side must not pay for.
 */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    /** The value, made now if this is the first call. */
    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }

    /** Runs {@code action} on the value if it was made. */
    synchronized void ifMade(Consumer<T> action) {
        if (value != null) {
            action.accept(value);
        }
    }
}
