package org.cacheway.cache.redis.internal.near;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.atomic.LongAdder;

/**
 * The local copy of a near cache: a size-bounded Caffeine cache of the encoded bytes Redis holds,
 * each entry expiring at its known Redis expiry (or earlier, at the {@code TIMEOUT} cap) and
 * stamped with the {@link Coherence} generation it was kept in. It keeps the encoded bytes, not
 * decoded objects: every hit is decoded afresh by the cache above, so no caller can change what
 * another reads (the contract's "a stored value is a copy"), whatever the value's type.
 */
final class LocalCopy {
    /** A deadline that never comes. */
    static final long NEVER = Long.MAX_VALUE;

    private final Cache<String, Entry> entries;
    private final LongAdder evictions = new LongAdder();

    /** One local entry: the stored bytes, their generation and deadline (on the ticker's clock). */
    record Entry(byte[] value, long generation, long deadlineNanos) {
    }

    /** A copy of at most {@code maxEntries} entries, expiring on {@code ticker}'s clock. */
    LocalCopy(int maxEntries, Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                // maintenance (eviction, expiry clean-up) runs on the caller, never on a pool thread
                .executor(Runnable::run)
                .expireAfter(new UntilDeadline())
                .evictionListener((String key, Entry entry, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        evictions.increment();
                    }
                })
                .build();
    }

    /** Each entry lives until its own deadline. */
    private static final class UntilDeadline implements Expiry<String, Entry> {
        @Override
        public long expireAfterCreate(String key, Entry entry, long currentTime) {
            return entry.deadlineNanos == NEVER ? Long.MAX_VALUE : Math.max(0, entry.deadlineNanos - currentTime);
        }

        @Override
        public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
            return expireAfterCreate(key, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** The entry of {@code key} if it is of {@code generation} and not expired, else null. */
    Entry get(String key, long generation) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (entry.generation != generation) {
            entries.asMap().remove(key, entry);
            return null;
        }
        return entry;
    }

    /** Keeps {@code value} for {@code key}, replacing any entry. */
    void put(String key, byte[] value, long generation, long deadlineNanos) {
        entries.put(key, new Entry(value, generation, deadlineNanos));
    }

    /** Drops the entry of {@code key}; whether there was one. */
    boolean invalidate(String key) {
        return entries.asMap().remove(key) != null;
    }

    /** Drops every entry. */
    void invalidateAll() {
        entries.invalidateAll();
    }

    /** Entries held now, expired ones not yet cleaned up included. */
    long size() {
        return entries.estimatedSize();
    }

    /** Runs pending maintenance (evictions, expiry clean-up) now; for exact sizes in tests. */
    void cleanUp() {
        entries.cleanUp();
    }

    /** Entries dropped to respect the size bound. */
    long evictions() {
        return evictions.sum();
    }
}
