package org.cacheway.cache.base;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.CacheMissException;
import org.cacheway.cache.Timeout;

/**
 * Django's cache operations, each written once over the store's futures: make the key, resolve the
 * timeout, encode, call the store, decode or fall back. A {@link Face} says how the steps run: the
 * synchronous face waits for each store future on the caller's thread, the asynchronous face
 * composes them. One instance serves one version view.
 */
final class Operations {
    /** Marks a miss where null is a legitimate value. */
    static final Object MISSING = new Object();

    private final BaseCache cache;

    Operations(BaseCache cache) {
        this.cache = cache;
    }

    private CacheStore store() {
        return cache.store();
    }

    private <T> CompletableFuture<T> recover(CompletableFuture<T> stage, Supplier<? extends T> fallback) {
        return cache.failOpen().recover(stage, fallback);
    }

    // ---- reads ---------------------------------------------------------------------------

    /**
     * The decoded value at a made key, or {@link #MISSING}; a survived error reads as a miss. A
     * user's read is {@code counted} in the statistics; the suite's own re-reads are not.
     */
    CompletableFuture<Object> lookup(Face face, String made, Class<?> type, boolean counted) {
        return recover(face.io(store().get(made)).thenApply(raw -> {
            Object found = decodeOrMissing(raw, type);
            if (counted) {
                statistics().read(found != MISSING);
            }
            return found;
        }), () -> MISSING);
    }

    private Statistics statistics() {
        return cache.counters();
    }

    private Object decodeOrMissing(byte[] raw, Class<?> type) {
        if (raw == null) {
            return MISSING;
        }
        return type == null ? cache.codec().decode(raw) : cache.codec().decode(raw, type);
    }

    CompletableFuture<Object> getOrDefault(Face face, String key, Object defaultValue) {
        return lookup(face, cache.makeKey(key), null, true).thenApply(found -> found == MISSING ? defaultValue : found);
    }

    <T> CompletableFuture<T> get(Face face, String key, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return lookup(face, cache.makeKey(key), type, true).thenApply(found -> found == MISSING ? null : type.cast(found));
    }

    @SuppressWarnings("unchecked")
    <T> CompletableFuture<Map<String, T>> getMany(Face face, Iterable<String> keys, Class<T> type) {
        Map<String, String> made = makeKeys(keys);
        if (made.isEmpty()) {
            return CompletableFuture.completedFuture(new LinkedHashMap<>());
        }
        CompletableFuture<Map<String, T>> read = face.io(store().getMany(new ArrayList<>(made.values())))
                .thenApply(raw -> (Map<String, T>) decodeMany(made, raw, type));
        return recover(read, LinkedHashMap::new);
    }

    /** User key to made key, in request order, duplicates dropped. */
    private Map<String, String> makeKeys(Iterable<String> keys) {
        Map<String, String> made = new LinkedHashMap<>(capacityFor(keys instanceof Collection<?> c ? c.size() : 0));
        for (String key : keys) {
            if (!made.containsKey(key)) {
                made.put(key, cache.makeKey(key));
            }
        }
        return made;
    }

    /** A hash map capacity that holds {@code entries} without resizing. */
    private static int capacityFor(int entries) {
        return entries < 12 ? 16 : (int) (entries / 0.75f) + 1;
    }

    private Map<String, Object> decodeMany(Map<String, String> made, List<byte[]> raw, Class<?> type) {
        Map<String, Object> found = new LinkedHashMap<>(capacityFor(made.size()));
        int i = 0;
        for (String key : made.keySet()) {
            Object value = decodeOrMissing(raw.get(i++), type);
            if (value != MISSING) {
                found.put(key, value);
            }
        }
        statistics().reads(found.size(), made.size());
        return found;
    }

    CompletableFuture<Boolean> hasKey(Face face, String key) {
        return recover(face.io(store().exists(cache.makeKey(key))), () -> false);
    }

    // ---- writes --------------------------------------------------------------------------

    /**
     * A conditional write, the one behind {@code set}, {@code add} and {@code replace}. A zero or
     * negative timeout stores nothing: {@code set} deletes and reports success, {@code replace}
     * deletes and reports whether it did, {@code add} reports whether the key is absent.
     */
    CompletableFuture<Boolean> write(Face face, String key, Object value, Timeout timeout, SetCondition condition) {
        String made = cache.makeKey(key);
        Timeout resolved = cache.resolve(timeout);
        CompletableFuture<Boolean> written;
        if (!resolved.isExpired()) {
            written = face.io(store().set(made, cache.codec().encode(value), resolved, condition)).thenApply(stored -> {
                if (stored) {
                    statistics().puts(1);
                }
                return stored;
            });
        } else if (condition == SetCondition.IF_ABSENT) {
            written = face.io(store().exists(made)).thenApply(exists -> !exists);
        } else {
            written = face.io(store().delete(made));
            if (condition == SetCondition.ALWAYS) {
                written = written.thenApply(deleted -> true);
            }
        }
        return recover(written, () -> false);
    }

    CompletableFuture<Boolean> touch(Face face, String key, Timeout timeout) {
        String made = cache.makeKey(key);
        Timeout resolved = cache.resolve(timeout);
        return recover(face.io(resolved.isExpired() ? store().delete(made) : store().touch(made, resolved)),
                () -> false);
    }

    CompletableFuture<Boolean> delete(Face face, String key) {
        return recover(face.io(store().delete(cache.makeKey(key))).thenApply(deleted -> {
            if (deleted) {
                statistics().deletes(1);
            }
            return deleted;
        }), () -> false);
    }

    CompletableFuture<List<String>> setMany(Face face, Map<String, ?> values, Timeout timeout) {
        Map<String, String> made = makeKeys(values.keySet());
        if (made.isEmpty()) {
            return CompletableFuture.completedFuture(new ArrayList<>());
        }
        Timeout resolved = cache.resolve(timeout);
        CompletableFuture<List<String>> written = resolved.isExpired()
                ? face.io(store().deleteMany(new ArrayList<>(made.values()))).thenApply(n -> new ArrayList<>())
                : face.io(store().setMany(encodeAll(made, values), resolved)).thenApply(failed -> {
                    statistics().puts(made.size() - failed.size());
                    return userKeys(made, failed);
                });
        return recover(written, () -> new ArrayList<>(made.keySet()));
    }

    private Map<String, byte[]> encodeAll(Map<String, String> made, Map<String, ?> values) {
        Map<String, byte[]> encoded = new LinkedHashMap<>(capacityFor(made.size()));
        for (Map.Entry<String, String> entry : made.entrySet()) {
            encoded.put(entry.getValue(), cache.codec().encode(values.get(entry.getKey())));
        }
        return encoded;
    }

    private static List<String> userKeys(Map<String, String> made, List<String> failedMadeKeys) {
        List<String> failed = new ArrayList<>();
        if (failedMadeKeys.isEmpty()) {
            return failed;
        }
        for (Map.Entry<String, String> entry : made.entrySet()) {
            if (failedMadeKeys.contains(entry.getValue())) {
                failed.add(entry.getKey());
            }
        }
        return failed;
    }

    CompletableFuture<Long> deleteMany(Face face, Iterable<String> keys) {
        Map<String, String> made = makeKeys(keys);
        if (made.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        return recover(face.io(store().deleteMany(new ArrayList<>(made.values()))).thenApply(deleted -> {
            statistics().deletes(deleted);
            return deleted;
        }), () -> 0L);
    }

    /** Empties the store; in a namespace, deletes the namespace's keys of this version instead. */
    CompletableFuture<Void> clear(Face face) {
        if (cache.inNamespace()) {
            return deletePattern(face, "*").thenApply(deleted -> null);
        }
        cache.checkOpen();
        return recover(face.io(store().clear()), () -> null);
    }

    CompletableFuture<Long> deletePattern(Face face, String glob) {
        return recover(face.io(cache.deleteMatching(cache.makePattern(glob))).thenApply(deleted -> {
            statistics().deletes(deleted);
            return deleted;
        }), () -> 0L);
    }

    // ---- counters and versions -----------------------------------------------------------

    /** Adds {@code delta}; a missing key is a {@link CacheMissException}, errors are never survived. */
    CompletableFuture<Long> incr(Face face, String key, long delta) {
        return face.io(store().incrBy(cache.makeKey(key), delta)).thenApply(result -> {
            if (result == null) {
                throw new CacheMissException(key);
            }
            return result;
        });
    }

    /**
     * Moves the stored bytes to the new version with the time they had left, then deletes the
     * old version (as django-redis, which keeps the TTL; Django's base class would reset it).
     */
    CompletableFuture<Integer> incrVersion(Face face, String key, int delta) {
        String from = cache.makeKey(key);
        int target = Math.addExact(cache.version(), delta);
        String to = cache.makeKey(key, target);
        CompletableFuture<byte[]> raw = face.io(store().get(from));
        CompletableFuture<Long> pttl = face.io(store().pttl(from));
        return raw.thenCombine(pttl, (bytes, left) -> {
            if (bytes == null || left == -2) {
                throw new CacheMissException(key);
            }
            return face.io(store().set(to, bytes, left == -1 ? Timeout.NEVER : Timeout.millis(Math.max(left, 1)),
                    SetCondition.ALWAYS));
        }).thenCompose(stored -> stored)
                .thenCompose(stored -> face.io(store().delete(from)))
                .thenApply(deleted -> target);
    }

    // ---- get-or-set ----------------------------------------------------------------------

    /**
     * Django's get-or-set: get; on a miss let one caller per key and process fill it through the
     * store ({@link CacheStore#fill}: compute, add, read back), the others reading what it stored.
     * The supplier runs where the face runs user code, never on a driver's I/O thread.
     */
    CompletableFuture<Object> getOrSet(Face face, String key, Class<?> type, Supplier<?> supplier, Timeout timeout) {
        Objects.requireNonNull(supplier, "supplier");
        String made = cache.makeKey(key);
        Timeout resolved = cache.resolve(timeout);
        return lookup(face, made, type, true).thenCompose(found -> found != MISSING ? CompletableFuture.completedFuture(found)
                : face.io(cache.flights().run(made, () -> fill(face, made, type, supplier, resolved),
                        leaderResult -> lookup(Face.ASYNC, made, type, false)
                                .thenApply(stored -> stored == MISSING ? leaderResult : stored))));
    }

    /**
     * The in-process leader's part: the store's fill. When it fails and errors are survived, the
     * value computed for it (or, if the failure came first, a fresh computation) is the answer.
     */
    private CompletableFuture<Object> fill(Face face, String made, Class<?> type, Supplier<?> supplier,
            Timeout resolved) {
        if (resolved.isExpired()) {
            // Django's add with an expired timeout stores nothing: the computed value is the answer.
            return CompletableFuture.supplyAsync(() -> timed(supplier), face.users());
        }
        Object[] computed = {MISSING};
        Supplier<CompletableFuture<byte[]>> loader = () -> CompletableFuture.supplyAsync(() -> {
            computed[0] = timed(supplier);
            return cache.codec().encode(computed[0]);
        }, face.users());
        return store().fill(made, loader, resolved).handle((raw, error) -> {
            if (error == null) {
                Object stored = decodeOrMissing(raw, type);
                return CompletableFuture.completedFuture(stored != MISSING ? stored
                        : computed[0] != MISSING ? computed[0] : null);
            }
            if (!cache.failOpen().survives(error)) {
                throw Stages.rethrow(error);
            }
            return computed[0] != MISSING ? CompletableFuture.completedFuture(computed[0])
                    : CompletableFuture.<Object>supplyAsync(() -> timed(supplier), face.users());
        }).thenCompose(value -> value);
    }

    /** Runs a {@code getOrSet} supplier, counting it as a load that succeeded or failed. */
    private Object timed(Supplier<?> supplier) {
        long start = System.nanoTime();
        boolean succeeded = false;
        try {
            Object value = supplier.get();
            succeeded = true;
            return value;
        } finally {
            statistics().load(succeeded, System.nanoTime() - start);
        }
    }
}
