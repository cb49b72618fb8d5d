package org.cacheway.cache.redis.internal.near;

import io.lettuce.core.ReadFrom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.SetCondition;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.redis.NearCacheStatistics;
import org.cacheway.cache.redis.client.CacheClient;
import org.cacheway.cache.redis.client.ClientConfig;
import org.cacheway.cache.redis.client.ForwardingClient;
import org.cacheway.cache.redis.client.RedisScript;
import org.cacheway.cache.redis.client.SentinelClient;

/**
 * The near cache ({@code OPTIONS['NEAR_CACHE']}) as a decorator around any client class, inside
 * the policies (so herd still sees each stored value's soft expiry in the bytes it holds): reads
 * are answered from the local copy when it holds the key, else sent to Redis and kept (with the
 * key's {@code PTTL}) when no invalidation overlapped them; every write through this cache drops
 * the keys it changes before it is sent and again when it is answered, so the process reads its
 * own writes; pattern deletes and clears drop the whole copy. A connection failure drops the
 * whole copy too, so nothing is served as fresh while Redis is unreachable.
 *
 * <p>It holds the encoded bytes: the cache decodes each hit afresh, so every caller gets its own
 * value. Redis keeps the copy coherent through {@link Tracking}.
 */
public final class NearCacheClient extends ForwardingClient {
    private final NearCache near;
    private final Tracking tracking;

    private NearCacheClient(CacheClient delegate, NearCache near, Tracking tracking) {
        super(delegate);
        this.near = near;
        this.tracking = tracking;
    }

    /**
     * The client {@code build} makes from {@code config}, behind a near cache when
     * {@code settings} switch one on: its connections are then tracked from the moment they open.
     *
     * @param settings the cache's settings, with the key scheme its keys are made with
     * @throws org.cacheway.cache.CacheConfigurationException for a bad {@code NEAR_CACHE}, or one the
     *     client's options rule out
     */
    public static CacheClient around(CacheSettings settings, ClientConfig config,
            Function<ClientConfig, CacheClient> build) {
        NearCacheConfig nearConfig = NearCacheConfig.of(settings);
        if (nearConfig == null) {
            return build.apply(config);
        }
        if (SentinelClient.READ_FROM.isSet(settings) && SentinelClient.READ_FROM.read(settings) != ReadFrom.UPSTREAM) {
            throw settings.options().error(NearCacheConfig.OPTION.name(), nearConfig.toString(),
                    "cannot be used with READ_FROM: Lettuce's master/replica connections deliver no invalidation "
                    + "messages (read from the primary, or list the replicas in LOCATION with the default client)");
        }
        NearCache near = new NearCache(nearConfig);
        Tracking tracking = new Tracking(near, settings.alias(), nearConfig, keyPrefix(settings));
        return new NearCacheClient(build.apply(config.withObserver(tracking)), near, tracking);
    }

    /** What every made key of the cache starts with, whatever its version (for {@code BCAST PREFIX}). */
    static String keyPrefix(CacheSettings settings) {
        String one = settings.keyFunction().makeKey("a", settings.keyPrefix(), 1);
        String other = settings.keyFunction().makeKey("b", settings.keyPrefix(), 2);
        int common = 0;
        while (common < one.length() && common < other.length() && one.charAt(common) == other.charAt(common)) {
            common++;
        }
        return one.substring(0, common);
    }

    /** The near cache's counters now. */
    public NearCacheStatistics statistics() {
        return near.statistics();
    }

    // ---- reads -----------------------------------------------------------------------------

    @Override
    public CompletableFuture<byte[]> get(String key) {
        CompletableFuture<byte[]> refused = refusedFuture();
        if (refused != null) {
            return refused;
        }
        byte[] held = near.get(key);
        if (held != null) {
            return CompletableFuture.completedFuture(held);
        }
        Coherence.Load load = tracking.covers(key) ? near.begin(key) : null;
        CompletableFuture<byte[]> value = watched(delegate().get(key));
        if (load != null) {
            CompletableFuture<Long> pttl = delegate().pttl(key);
            value.thenAcceptBoth(pttl, (bytes, left) -> near.keep(load, copy(bytes), left))
                    .whenComplete((kept, error) -> {
                        if (error != null) {
                            near.abandon(load);
                        }
                    });
        }
        return value;
    }

    /** Local hits first, then one {@code MGET} for the rest; the found ones are kept once their PTTL is known. */
    @Override
    public CompletableFuture<List<byte[]>> getMany(List<String> keys) {
        CompletableFuture<List<byte[]>> refused = refusedFuture();
        if (refused != null) {
            return refused;
        }
        List<byte[]> found = new ArrayList<>(keys.size());
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            byte[] held = near.get(key);
            found.add(held);
            if (held == null) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return CompletableFuture.completedFuture(found);
        }
        List<Coherence.Load> loads = new ArrayList<>(missing.size());
        for (String key : missing) {
            loads.add(tracking.covers(key) ? near.begin(key) : null);
        }
        return watched(delegate().getMany(missing)).whenComplete((values, error) -> keepAll(loads, values))
                .thenApply(values -> {
                    int next = 0;
                    for (int i = 0; i < found.size(); i++) {
                        if (found.get(i) == null) {
                            found.set(i, values.get(next++));
                        }
                    }
                    return found;
                });
    }

    /** Asks the PTTL of each key found and keeps it; off the caller's path. */
    private void keepAll(List<Coherence.Load> loads, List<byte[]> values) {
        for (int i = 0; i < loads.size(); i++) {
            Coherence.Load load = loads.get(i);
            byte[] value = values == null ? null : values.get(i);
            if (load == null) {
                continue;
            }
            if (value == null) {
                near.abandon(load);
                continue;
            }
            byte[] kept = copy(value);
            delegate().pttl(load.key()).whenComplete((left, error) -> {
                if (error == null) {
                    near.keep(load, kept, left);
                } else {
                    near.abandon(load);
                }
            });
        }
    }

    @Override
    public CompletableFuture<Boolean> exists(String key) {
        CompletableFuture<Boolean> refused = refusedFuture();
        if (refused != null) {
            return refused;
        }
        return near.holds(key) ? CompletableFuture.completedFuture(true) : watched(delegate().exists(key));
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return watched(delegate().pttl(key));
    }

    // ---- writes: the changed keys are dropped before and after ---------------------------

    @Override
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        return changing(key, () -> delegate().set(key, value, timeout, condition));
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        List<String> keys = List.copyOf(entries.keySet());
        return changing(keys, () -> delegate().setMany(entries, timeout));
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        return changing(key, () -> delegate().touch(key, timeout));
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return changing(key, () -> delegate().delete(key));
    }

    @Override
    public CompletableFuture<Long> deleteMany(List<String> keys) {
        return changing(keys, () -> delegate().deleteMany(keys));
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        return changing(key, () -> delegate().incrBy(key, delta));
    }

    @Override
    public CompletableFuture<Long> incrByCreating(String key, long delta) {
        return changing(key, () -> delegate().incrByCreating(key, delta));
    }

    @Override
    public CompletableFuture<byte[]> fill(String key, Supplier<CompletableFuture<byte[]>> loader, Timeout timeout) {
        return changing(key, () -> delegate().fill(key, loader, timeout));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return changing(key, () -> delegate().pexpire(key, millis));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long epochMillis) {
        return changing(key, () -> delegate().pexpireAt(key, epochMillis));
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return changing(key, () -> delegate().persist(key));
    }

    @Override
    public CompletableFuture<Boolean> lockAcquire(String key, byte[] token, Timeout timeout) {
        return changing(key, () -> delegate().lockAcquire(key, token, timeout));
    }

    @Override
    public CompletableFuture<Boolean> lockRelease(String key, byte[] token) {
        return changing(key, () -> delegate().lockRelease(key, token));
    }

    @Override
    public CompletableFuture<Boolean> lockExtend(String key, byte[] token, long millis, boolean replace) {
        return changing(key, () -> delegate().lockExtend(key, token, millis, replace));
    }

    /** A script may change its keys (a hash or set command on a key held here drops it); a read-only one passes. */
    @Override
    public <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args) {
        return script.readOnly() ? delegate().eval(script, keys, args)
                : changing(List.of(keys), () -> delegate().eval(script, keys, args));
    }

    @Override
    public CompletableFuture<Long> deletePattern(String pattern, int count) {
        return flushing(() -> delegate().deletePattern(pattern, count));
    }

    @Override
    public CompletableFuture<Void> clear() {
        return flushing(() -> delegate().clear());
    }

    // ---- counters and lifecycle --------------------------------------------------------------

    /** Entries the local copy dropped to respect {@code MAX_ENTRIES}. */
    @Override
    public OptionalLong evictions() {
        return OptionalLong.of(near.statistics().evictions());
    }

    /** Entries the local copy holds. */
    @Override
    public OptionalLong size() {
        return OptionalLong.of(near.statistics().size());
    }

    @Override
    public void release() {
        try {
            tracking.release();
        } finally {
            super.release();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    private <T> CompletableFuture<T> changing(String key, Supplier<CompletableFuture<T>> write) {
        return changing(List.of(key), write);
    }

    private <T> CompletableFuture<T> changing(List<String> keys, Supplier<CompletableFuture<T>> write) {
        CompletableFuture<T> refused = refusedFuture();
        if (refused != null) {
            return refused;
        }
        keys.forEach(near::drop);
        return write.get().whenComplete((result, error) -> {
            keys.forEach(near::drop);
            dropAllOnConnectionFailure(error);
        });
    }

    private <T> CompletableFuture<T> flushing(Supplier<CompletableFuture<T>> write) {
        CompletableFuture<T> refused = refusedFuture();
        if (refused != null) {
            return refused;
        }
        near.flush();
        return write.get().whenComplete((result, error) -> near.flush());
    }

    /**
     * {@code stage}'s outcome, once a connection failure it ends with has dropped the whole copy.
     * The caller gets the dependent stage, not {@code stage}: a caller waiting on {@code stage}
     * itself could be woken before the drop ran (a future wakes its waiters before its earlier
     * dependents) and read a local copy that the failure made untrustworthy.
     */
    private <T> CompletableFuture<T> watched(CompletableFuture<T> stage) {
        return stage.whenComplete((result, error) -> dropAllOnConnectionFailure(error));
    }

    private void dropAllOnConnectionFailure(Throwable error) {
        if (error != null && Stages.unwrap(error) instanceof CacheConnectionException) {
            near.flush();
        }
    }

    /** A failed future once a server refused tracking, else null. */
    private <T> CompletableFuture<T> refusedFuture() {
        return tracking.refused() == null ? null : CompletableFuture.failedFuture(tracking.refused());
    }

    private static byte[] copy(byte[] value) {
        return value == null ? null : value.clone();
    }
}
