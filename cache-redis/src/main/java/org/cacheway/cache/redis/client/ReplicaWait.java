package org.cacheway.cache.redis.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.SetCondition;
import org.cacheway.cache.redis.ReplicaWaitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica-wait policy ({@code OPTIONS['WAIT_REPLICAS']}), around any client class: after
 * every write, exactly once and on both faces, {@code WAIT} until that many replicas acknowledged
 * it (at most {@code WAIT_TIMEOUT} ms, default 1000), so that a read sent to a replica right after
 * sees the write and a failover to a replica that acknowledged it keeps it. The WAIT goes to the
 * connection that took the write: the primary's, each shard's server, each cluster slot's
 * primary; concurrent writers of one connection share WAITs (the transport sends one for all the
 * writes it answered meanwhile). A write that fewer replicas acknowledged in time fails with a
 * {@link ReplicaWaitException} saying that the value stays written on the primary
 * ({@code WAIT_MODE = "strict"}, the default), or, with {@code WAIT_MODE = "warn"}, succeeds with a
 * WARN log. Keep {@code WAIT_TIMEOUT} below {@code SOCKET_TIMEOUT}.
 */
final class ReplicaWait extends ForwardingClient {
    /** {@code OPTIONS['WAIT_REPLICAS']}: replicas that must acknowledge each write; switches the policy on. */
    static final CacheOption<Integer> WAIT_REPLICAS = CacheOption.integer("WAIT_REPLICAS", 1)
            .check(n -> n >= 1, "at least 1 replica");
    /** {@code OPTIONS['WAIT_TIMEOUT']}: milliseconds to wait for them (0 waits for ever, as WAIT). */
    static final CacheOption<Integer> WAIT_TIMEOUT = CacheOption.integer("WAIT_TIMEOUT", 1000)
            .check(n -> n >= 0, "milliseconds >= 0");
    /** {@code OPTIONS['WAIT_MODE']}: {@code "strict"} fails an unacknowledged write, {@code "warn"} logs it. */
    static final CacheOption<String> WAIT_MODE = CacheOption.string("WAIT_MODE", "strict")
            .check(mode -> mode.equals("strict") || mode.equals("warn"), "'strict' or 'warn'");
    /** The options of this policy. */
    static final List<CacheOption<?>> OPTIONS = List.of(WAIT_REPLICAS, WAIT_TIMEOUT, WAIT_MODE);

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWait.class);

    private final String alias;
    private final int replicas;
    private final long timeoutMillis;
    private final boolean strict;

    private ReplicaWait(CacheClient delegate, String alias, int replicas, long timeoutMillis, boolean strict) {
        super(delegate);
        this.alias = alias;
        this.replicas = replicas;
        this.timeoutMillis = timeoutMillis;
        this.strict = strict;
    }

    /** {@code client}, waiting for replication when the settings ask for it. */
    static CacheClient around(CacheClient client, CacheSettings settings) {
        if (!WAIT_REPLICAS.isSet(settings)) {
            for (CacheOption<?> needing : List.of(WAIT_TIMEOUT, WAIT_MODE)) {
                if (needing.isSet(settings)) {
                    throw settings.options().error(needing.name(), settings.options().get(needing.name()),
                            "needs OPTIONS['WAIT_REPLICAS'], which switches replica waits on");
                }
            }
            return client;
        }
        return new ReplicaWait(client, settings.alias(), WAIT_REPLICAS.read(settings), WAIT_TIMEOUT.read(settings),
                WAIT_MODE.read(settings).equals("strict"));
    }

    /**
     * {@code write} of {@code operation} (on {@code key}, null for many), followed once it is done by
     * one WAIT on the primaries of {@code keys} (null: all).
     */
    private <T> CompletableFuture<T> waited(String operation, String key, List<String> keys,
            CompletableFuture<T> write) {
        return write.thenCompose(result -> delegate().waitForReplicas(keys, replicas, timeoutMillis)
                .thenApply(acknowledged -> {
                    if (acknowledged < replicas) {
                        unacknowledged(operation, key, acknowledged);
                    }
                    return result;
                }));
    }

    private <T> CompletableFuture<T> waited(String operation, String key, CompletableFuture<T> write) {
        return waited(operation, key, List.of(key), write);
    }

    private <T> CompletableFuture<T> waited(String operation, List<String> keys, CompletableFuture<T> write) {
        return waited(operation, null, keys, write);
    }

    /** Fails the write ({@code strict}) or logs it. */
    private void unacknowledged(String operation, String key, long acknowledged) {
        String what = "Redis " + operation + (key == null ? "" : " of key '" + key + "'") + " on cache '" + alias
                + "': only " + acknowledged + " of " + replicas + " replicas acknowledged the write within "
                + timeoutMillis + " ms (WAIT_REPLICAS)";
        if (strict) {
            throw new ReplicaWaitException(what + "; the value stays written on the primary, which may lose it "
                    + "in a failover (OPTIONS['WAIT_MODE'] = 'warn' logs this instead)", acknowledged, replicas);
        }
        LOG.warn("{}; the write stands on the primary (WAIT_MODE 'warn')", what);
    }

    @Override
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        return waited("set", key, super.set(key, value, timeout, condition));
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return waited("setMany", new ArrayList<>(entries.keySet()), super.setMany(entries, timeout));
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        return waited("touch", key, super.touch(key, timeout));
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return waited("delete", key, super.delete(key));
    }

    @Override
    public CompletableFuture<Long> deleteMany(List<String> keys) {
        return waited("deleteMany", keys, super.deleteMany(keys));
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        return waited("incr", key, super.incrBy(key, delta));
    }

    @Override
    public CompletableFuture<Long> incrByCreating(String key, long delta) {
        return waited("incr", key, super.incrByCreating(key, delta));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return waited("pexpire", key, super.pexpire(key, millis));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long epochMillis) {
        return waited("pexpireAt", key, super.pexpireAt(key, epochMillis));
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return waited("persist", key, super.persist(key));
    }

    @Override
    public CompletableFuture<Void> clear() {
        return waited("clear", (List<String>) null, super.clear());
    }

    @Override
    public CompletableFuture<Long> deletePattern(String pattern, int count) {
        return waited("deletePattern", (List<String>) null, super.deletePattern(pattern, count));
    }

    /** The whole fill (however the client below does it), then one WAIT. */
    @Override
    public CompletableFuture<byte[]> fill(String key, Supplier<CompletableFuture<byte[]>> loader, Timeout timeout) {
        return waited("getOrSet", key, super.fill(key, loader, timeout));
    }

    @Override
    public CompletableFuture<Boolean> lockAcquire(String key, byte[] token, Timeout timeout) {
        return waited("lockAcquire", key, super.lockAcquire(key, token, timeout));
    }

    @Override
    public CompletableFuture<Boolean> lockRelease(String key, byte[] token) {
        return waited("lockRelease", key, super.lockRelease(key, token));
    }

    @Override
    public CompletableFuture<Boolean> lockExtend(String key, byte[] token, long millis, boolean replace) {
        return waited("lockExtend", key, super.lockExtend(key, token, millis, replace));
    }

    /** Scripts may write: one WAIT on the server of their first key (none for a read-only script). */
    @Override
    public <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args) {
        CompletableFuture<T> reply = super.eval(script, keys, args);
        return script.readOnly() ? reply : waited(script.name(), keys[0], reply);
    }

    @Override
    public String toString() {
        return "ReplicaWait{WAIT_REPLICAS=" + replicas + ", WAIT_TIMEOUT=" + timeoutMillis + "ms, WAIT_MODE="
                + (strict ? "strict" : "warn") + ", " + delegate() + "}";
    }
}
