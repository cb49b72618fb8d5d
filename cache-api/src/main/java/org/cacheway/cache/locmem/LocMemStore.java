package org.cacheway.cache.locmem;

import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.cacheway.cache.CacheValueException;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.CacheStore;
import org.cacheway.cache.base.Globs;
import org.cacheway.cache.base.SetCondition;

/**
 * The byte store behind {@link LocMemCache}: Django's locmem dictionaries. Entries live in a
 * process-global bucket per {@code LOCATION} name, kept in least-recently-used order (the head is
 * the next to go); every access runs under the bucket's lock. Expiry is checked on read.
 */
final class LocMemStore implements CacheStore {
    /** Django's {@code _caches}: one bucket per LOCATION name, for the life of the process. */
    private static final ConcurrentHashMap<String, Bucket> BUCKETS = new ConcurrentHashMap<>();

    /** Stored bytes and the epoch millisecond they expire at ({@link Long#MAX_VALUE}: never). */
    private record Entry(byte[] value, long expiresAt) {
    }

    /** One LOCATION's entries in LRU order (insertion-ordered map; a use re-inserts at the tail). */
    private static final class Bucket {
        final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        long culled;
    }

    private final Bucket bucket;
    private final int maxEntries;
    private final int cullFrequency;
    private final InstantSource clock;

    LocMemStore(String location, int maxEntries, int cullFrequency, InstantSource clock) {
        this.bucket = BUCKETS.computeIfAbsent(location, name -> new Bucket());
        this.maxEntries = maxEntries;
        this.cullFrequency = cullFrequency;
        this.clock = clock;
    }

    // ---- helpers, all called with the bucket's lock held ---------------------------------

    private long now() {
        return clock.millis();
    }

    private long expiryOf(Timeout timeout) {
        if (timeout.isNever()) {
            return Long.MAX_VALUE;
        }
        long at = now() + timeout.toMillis();
        return at < 0 ? Long.MAX_VALUE : at;
    }

    /** The live entry, or null; an expired one is removed (Django's {@code _has_expired} + {@code _delete}). */
    private Entry live(String key) {
        Entry entry = bucket.entries.get(key);
        if (entry != null && entry.expiresAt() <= now()) {
            bucket.entries.remove(key);
            return null;
        }
        return entry;
    }

    /** Re-inserts the entry at the most-recently-used end. */
    private void use(String key, Entry entry) {
        bucket.entries.remove(key);
        bucket.entries.put(key, entry);
    }

    /** Django's {@code _set}: cull first when full (also on overwrite), then insert as most recent. */
    private void store(String key, byte[] value, Timeout timeout) {
        Map<String, Entry> entries = bucket.entries;
        if (entries.size() >= maxEntries) {
            cull();
        }
        entries.remove(key);
        entries.put(key, new Entry(value, expiryOf(timeout)));
    }

    private void cull() {
        Map<String, Entry> entries = bucket.entries;
        if (cullFrequency == 0) {
            bucket.culled += entries.size();
            entries.clear();
            return;
        }
        int count = entries.size() / cullFrequency;
        bucket.culled += Math.min(count, entries.size());
        Iterator<String> oldest = entries.keySet().iterator();
        for (int i = 0; i < count && oldest.hasNext(); i++) {
            oldest.next();
            oldest.remove();
        }
    }

    // ---- CacheStore ----------------------------------------------------------------------

    private byte[] read(String key) {
        synchronized (bucket) {
            Entry entry = live(key);
            if (entry == null) {
                return null;
            }
            use(key, entry);
            return entry.value();
        }
    }

    @Override
    public CompletableFuture<byte[]> get(String key) {
        return CompletableFuture.completedFuture(read(key));
    }

    @Override
    public CompletableFuture<List<byte[]>> getMany(List<String> keys) {
        List<byte[]> values = new ArrayList<>(keys.size());
        synchronized (bucket) {
            for (String key : keys) {
                values.add(read(key));
            }
        }
        return CompletableFuture.completedFuture(values);
    }

    @Override
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        synchronized (bucket) {
            boolean present = live(key) != null;
            boolean store = condition == SetCondition.ALWAYS || present == (condition == SetCondition.IF_PRESENT);
            if (store) {
                store(key, value, timeout);
            }
            return CompletableFuture.completedFuture(store);
        }
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        synchronized (bucket) {
            entries.forEach((key, value) -> store(key, value, timeout));
        }
        return CompletableFuture.completedFuture(new ArrayList<>());
    }

    /** Sets a new expiry in place: touching is not a use, as in Django. */
    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        synchronized (bucket) {
            Entry entry = live(key);
            if (entry != null) {
                bucket.entries.put(key, new Entry(entry.value(), expiryOf(timeout)));
            }
            return CompletableFuture.completedFuture(entry != null);
        }
    }

    private boolean remove(String key) {
        return live(key) != null && bucket.entries.remove(key) != null;
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        synchronized (bucket) {
            return CompletableFuture.completedFuture(remove(key));
        }
    }

    @Override
    public CompletableFuture<Long> deleteMany(List<String> keys) {
        long removed = 0;
        synchronized (bucket) {
            for (String key : keys) {
                if (remove(key)) {
                    removed++;
                }
            }
        }
        return CompletableFuture.completedFuture(removed);
    }

    @Override
    public CompletableFuture<Boolean> exists(String key) {
        synchronized (bucket) {
            return CompletableFuture.completedFuture(live(key) != null);
        }
    }

    /** Adds to the decimal digits in place, keeping the expiry; an increment is a use. */
    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        try {
            return CompletableFuture.completedFuture(add(key, delta));
        } catch (CacheValueException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Long add(String key, long delta) {
        synchronized (bucket) {
            Entry entry = live(key);
            if (entry == null) {
                return null;
            }
            long current;
            try {
                current = Long.parseLong(new String(entry.value(), StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw new CacheValueException("Value at key '" + key + "' is not an integer, cannot add " + delta);
            }
            long next;
            try {
                next = Math.addExact(current, delta);
            } catch (ArithmeticException e) {
                throw new CacheValueException("Adding " + delta + " to key '" + key + "' (" + current
                        + ") would overflow a 64-bit integer");
            }
            use(key, new Entry(Long.toString(next).getBytes(StandardCharsets.US_ASCII), entry.expiresAt()));
            return next;
        }
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        synchronized (bucket) {
            Entry entry = live(key);
            long left = entry == null ? -2 : entry.expiresAt() == Long.MAX_VALUE ? -1 : entry.expiresAt() - now();
            return CompletableFuture.completedFuture(left);
        }
    }

    @Override
    public CompletableFuture<Void> clear() {
        synchronized (bucket) {
            bucket.entries.clear();
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Removes the live keys matching {@code pattern} (expired ones go too, uncounted). */
    @Override
    public CompletableFuture<Long> deleteMatching(String pattern) {
        long removed = 0;
        long now = now();
        synchronized (bucket) {
            Iterator<Map.Entry<String, Entry>> all = bucket.entries.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<String, Entry> entry = all.next();
                if (Globs.matches(pattern, entry.getKey())) {
                    all.remove();
                    if (entry.getValue().expiresAt() > now) {
                        removed++;
                    }
                }
            }
        }
        return CompletableFuture.completedFuture(removed);
    }

    /** The entries culled to make room, on this LOCATION since the process started. */
    @Override
    public OptionalLong evictions() {
        synchronized (bucket) {
            return OptionalLong.of(bucket.culled);
        }
    }

    /** The entries held on this LOCATION, expired ones not yet removed included. */
    @Override
    public OptionalLong size() {
        synchronized (bucket) {
            return OptionalLong.of(bucket.entries.size());
        }
    }

    /** Nothing to release: like Django's, the store outlives its caches and is shared by LOCATION. */
    @Override
    public void release() {
        // The bucket is process-global; other caches on the same LOCATION keep using it.
    }
}
