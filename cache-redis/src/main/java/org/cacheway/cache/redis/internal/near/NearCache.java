package org.cacheway.cache.redis.internal.near;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.cacheway.cache.redis.NearCacheStatistics;

/**
 * One alias's near cache: the {@link LocalCopy} of the bytes this client read, kept coherent by
 * the {@link Coherence} rules, with its counters. The client decorator asks it for hits, begins a
 * {@link Coherence.Load} before each read it sends to Redis and ends it with the reply; tracking
 * reports invalidations, flushes and connection changes. Thread-safe and non-blocking: every
 * method may run on a Lettuce event-loop thread.
 */
final class NearCache {
    private final LocalCopy copy;
    private final Coherence coherence = new Coherence();
    private final Ticker ticker;
    private final long capNanos;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder invalidations = new LongAdder();
    private final LongAdder flushes = new LongAdder();

    /** A near cache as {@code config} says, on the system clock. */
    NearCache(NearCacheConfig config) {
        this(config, Ticker.systemTicker());
    }

    /** A near cache as {@code config} says, on {@code ticker}'s clock (tests move it by hand). */
    NearCache(NearCacheConfig config, Ticker ticker) {
        this.ticker = ticker;
        this.copy = new LocalCopy(config.maxEntries(), ticker);
        this.capNanos = config.timeout() == null ? LocalCopy.NEVER : config.timeout().toNanos();
    }

    /** A copy of the bytes held for {@code key}, or null (counted as a hit or a miss). */
    byte[] get(String key) {
        LocalCopy.Entry entry = copy.get(key, coherence.generation());
        if (entry == null) {
            misses.increment();
            return null;
        }
        hits.increment();
        return entry.value().clone();
    }

    /** Whether a value is held for {@code key} (for {@code hasKey}; not counted). */
    boolean holds(String key) {
        return copy.get(key, coherence.generation()) != null;
    }

    /** Registers a read of {@code key} about to be sent; null when its value may not be kept. */
    Coherence.Load begin(String key) {
        return coherence.begin(key, ticker.read());
    }

    /**
     * Ends {@code load} with what Redis answered: keeps {@code value} unless it is null, the key
     * was invalidated, flushed or suspended meanwhile, or its expiry has passed. {@code pttlMillis}
     * is Redis's {@code PTTL} read with the value (-1: no expiry, -2: gone); the local deadline is
     * counted from the load's start, a millisecond short of what PTTL says (Redis counts whole
     * milliseconds), so it comes no later than Redis's own.
     */
    void keep(Coherence.Load load, byte[] value, long pttlMillis) {
        if (load == null) {
            return;
        }
        if (value == null || pttlMillis == -2 || pttlMillis < -2) {
            coherence.abandon(load);
            return;
        }
        long deadline = deadline(load.startNanos(), pttlMillis);
        if (deadline != LocalCopy.NEVER && deadline - ticker.read() <= 0) {
            coherence.abandon(load);
            return;
        }
        coherence.complete(load, () -> copy.put(load.key(), value, load.generation(), deadline));
    }

    private long deadline(long start, long pttlMillis) {
        // PTTL counts whole milliseconds of Redis's clock, so up to one less may really be left
        long redis = pttlMillis == -1 ? LocalCopy.NEVER : start + TimeUnit.MILLISECONDS.toNanos(pttlMillis - 1);
        long capped = capNanos == LocalCopy.NEVER ? LocalCopy.NEVER : start + capNanos;
        if (redis == LocalCopy.NEVER) {
            return capped;
        }
        return capped == LocalCopy.NEVER || redis - capped < 0 ? redis : capped;
    }

    /** Ends {@code load} without keeping anything (the read failed). */
    void abandon(Coherence.Load load) {
        if (load != null) {
            coherence.abandon(load);
        }
    }

    /** Drops {@code key} because this client is changing it (read-your-writes). */
    void drop(String key) {
        coherence.invalidate(key);
        copy.invalidate(key);
    }

    /** Drops {@code key} because Redis said it changed. */
    void invalidated(String key) {
        invalidations.increment();
        drop(key);
    }

    /** Drops everything (a flush push, a clear, a failure): pending reads are not kept either. */
    void flush() {
        flushes.increment();
        coherence.flush();
        copy.invalidateAll();
    }

    /** Drops everything and keeps nothing until {@link #resume()} (tracking lost or not yet on). */
    void suspend() {
        flushes.increment();
        coherence.suspend();
        copy.invalidateAll();
    }

    /** Keeps values again: tracking is confirmed on every connection that reads. */
    void resume() {
        coherence.resume();
    }

    /** Whether values read now may be kept. */
    boolean ready() {
        return coherence.ready();
    }

    /** The counters now. */
    NearCacheStatistics statistics() {
        return new NearCacheStatistics(hits.sum(), misses.sum(), copy.evictions(), invalidations.sum(),
                flushes.sum(), copy.size());
    }

    /** Entries held now, after running pending maintenance. */
    long exactSize() {
        copy.cleanUp();
        return copy.size();
    }

    /** The race closer, for tests. */
    Coherence coherence() {
        return coherence;
    }
}
