package org.cacheway.cache.redis.internal.near;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The race closer of the near cache: decides whether a value read from Redis may be kept. Redis
 * tells a tracking client that a key changed by a push message that can overtake the local
 * processing of a read reply, so a value read while an invalidation for its key may be in flight
 * must never be kept. Each read of a key registers a pending {@link Load} before its command is
 * sent; an invalidation of the key removes it, and keeping is atomic with respect to that removal
 * (both are operations on the same key of one {@link ConcurrentHashMap}).
 *
 * <p>A generation covers what a per-key marker cannot: a flush (Redis's "flush everything" push,
 * this cache's own clear) and a lost or new connection, whose invalidations may never come. Local
 * entries carry the generation they were kept in and count only while it is current, so moving
 * the generation drops them all at once. An odd generation is suspended: tracking is not (yet)
 * confirmed on every connection that reads, and nothing is kept until it is ({@link #resume()}).
 * It starts suspended.
 */
final class Coherence {
    private final ConcurrentHashMap<String, Load> pending = new ConcurrentHashMap<>();
    private volatile long generation = 1;

    /** One read of one key whose result may be kept if nothing invalidated the key meanwhile. */
    static final class Load {
        private final String key;
        private final long generation;
        private final long startNanos;

        private Load(String key, long generation, long startNanos) {
            this.key = key;
            this.generation = generation;
            this.startNanos = startNanos;
        }

        /** The key read. */
        String key() {
            return key;
        }

        /** The generation the read started in. */
        long generation() {
            return generation;
        }

        /** When the read started, on the near cache's clock: Redis expiries are counted from here. */
        long startNanos() {
            return startNanos;
        }

        @Override
        public String toString() {
            return "Load{" + key + ", generation " + generation + "}";
        }
    }

    /** The current generation: local entries kept in another one do not count. */
    long generation() {
        return generation;
    }

    /** Whether values read now may be kept (tracking confirmed on every connection that reads). */
    boolean ready() {
        return (generation & 1) == 0;
    }

    /**
     * Registers a read of {@code key} about to be sent, or answers null when nothing read now may
     * be kept (suspended). A later read of the same key replaces this one's marker, so at most the
     * last of overlapping reads is kept.
     */
    Load begin(String key, long startNanos) {
        long current = generation;
        if ((current & 1) != 0) {
            return null;
        }
        Load load = new Load(key, current, startNanos);
        pending.put(key, load);
        return load;
    }

    /**
     * Ends {@code load}: runs {@code keep} (which stores the value) only if no invalidation of the
     * key, flush or suspension came since the load began, atomically with respect to
     * {@link #invalidate}; whether it ran. {@code keep} must not touch this object.
     */
    boolean complete(Load load, Runnable keep) {
        boolean[] kept = {false};
        pending.computeIfPresent(load.key, (key, current) -> {
            if (current != load) {
                return current;
            }
            if (generation == load.generation) {
                keep.run();
                kept[0] = true;
            }
            return null;
        });
        return kept[0];
    }

    /** Ends {@code load} without a value to keep (the read failed or found nothing). */
    void abandon(Load load) {
        pending.remove(load.key, load);
    }

    /**
     * Invalidates the pending read of {@code key}, if any: its value will not be kept. The caller
     * drops the local entry AFTER this call, so that a keep racing it is either refused here or
     * dropped there.
     */
    void invalidate(String key) {
        pending.remove(key);
    }

    /** Moves to a new generation of the same readiness: every local entry and pending read is void. */
    synchronized void flush() {
        generation += 2;
        pending.clear();
    }

    /** Moves to a suspended generation: nothing counts or is kept until {@link #resume()}. */
    synchronized void suspend() {
        generation += (generation & 1) == 0 ? 1 : 2;
        pending.clear();
    }

    /** Leaves suspension, once tracking is confirmed on every connection that reads. */
    synchronized void resume() {
        if ((generation & 1) != 0) {
            generation += 1;
        }
    }

    /** How many reads are pending (for tests and diagnostics). */
    int pendingReads() {
        return pending.size();
    }
}
