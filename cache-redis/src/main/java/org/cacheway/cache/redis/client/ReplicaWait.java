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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica-wait policy ({@code OPTIONS['WAIT_REPLICAS']}), around any client class: after
 * every write, exactly once and on both faces, {@code WAIT} until that many replicas acknowledged
 * it (at most {@code WAIT_TIMEOUT} ms, default 1000), so that a read sent to a replica right after
 * sees the write. The WAIT goes to the connection that took the write: the primary's, each shard's
 * server, each cluster slot's primary. A write that fewer replicas acknowledged in time still
 * stands on the primary and is logged at WARN. WAIT holds the shared connection until it returns,
 * so it costs throughput; keep {@code WAIT_TIMEOUT} below {@code SOCKET_TIMEOUT}.
 */
final class ReplicaWait extends ForwardingClient {
    /** {@code OPTIONS['WAIT_REPLICAS']}: replicas that must acknowledge each write; switches the policy on. */
    static final CacheOption<Integer> WAIT_REPLICAS = CacheOption.integer("WAIT_REPLICAS", 1)
            .check(n -> n >= 1, "at least 1 replica");
    /** {@code OPTIONS['WAIT_TIMEOUT']}: milliseconds to wait for them (0 waits for ever, as WAIT). */
    static final CacheOption<Integer> WAIT_TIMEOUT = CacheOption.integer("WAIT_TIMEOUT", 1000)
            .check(n -> n >= 0, "milliseconds >= 0");
    /** The options of this policy. */
    static final List<CacheOption<?>> OPTIONS = List.of(WAIT_REPLICAS, WAIT_TIMEOUT);

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWait.class);

    private final String alias;
    private final int replicas;
    private final long timeoutMillis;

    private ReplicaWait(CacheClient delegate, String alias, int replicas, long timeoutMillis) {
        super(delegate);
        this.alias = alias;
        this.replicas = replicas;
        this.timeoutMillis = timeoutMillis;
    }

    /** {@code client}, waiting for replication when the settings ask for it. */
    static CacheClient around(CacheClient client, CacheSettings settings) {
        if (!WAIT_REPLICAS.isSet(settings)) {
            if (WAIT_TIMEOUT.isSet(settings)) {
                throw settings.options().error(WAIT_TIMEOUT.name(), settings.options().get(WAIT_TIMEOUT.name()),
                        "needs OPTIONS['WAIT_REPLICAS'], which switches replica waits on");
            }
            return client;
        }
        return new ReplicaWait(client, settings.alias(), WAIT_REPLICAS.read(settings), WAIT_TIMEOUT.read(settings));
    }

    /** {@code write}, followed once it is done by one WAIT on the primaries of {@code keys} (null: all). */
    private <T> CompletableFuture<T> waited(List<String> keys, CompletableFuture<T> write) {
        return write.thenCompose(result -> delegate().waitForReplicas(keys, replicas, timeoutMillis)
                .thenApply(acknowledged -> {
                    if (acknowledged < replicas) {
                        LOG.warn("cache '{}': only {} of {} replicas acknowledged a write within {} ms", alias,
                                acknowledged, replicas, timeoutMillis);
                    }
                    return result;
                }));
    }

    private <T> CompletableFuture<T> waited(String key, CompletableFuture<T> write) {
        return waited(List.of(key), write);
    }

    @Override
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        return waited(key, super.set(key, value, timeout, condition));
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return waited(new ArrayList<>(entries.keySet()), super.setMany(entries, timeout));
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        return waited(key, super.touch(key, timeout));
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return waited(key, super.delete(key));
    }

    @Override
    public CompletableFuture<Long> deleteMany(List<String> keys) {
        return waited(keys, super.deleteMany(keys));
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        return waited(key, super.incrBy(key, delta));
    }

    @Override
    public CompletableFuture<Long> incrByCreating(String key, long delta) {
        return waited(key, super.incrByCreating(key, delta));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return waited(key, super.pexpire(key, millis));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long epochMillis) {
        return waited(key, super.pexpireAt(key, epochMillis));
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return waited(key, super.persist(key));
    }

    @Override
    public CompletableFuture<Void> clear() {
        return waited((List<String>) null, super.clear());
    }

    @Override
    public CompletableFuture<Long> deletePattern(String pattern, int count) {
        return waited((List<String>) null, super.deletePattern(pattern, count));
    }

    /** The whole fill (however the client below does it), then one WAIT. */
    @Override
    public CompletableFuture<byte[]> fill(String key, Supplier<CompletableFuture<byte[]>> loader, Timeout timeout) {
        return waited(key, super.fill(key, loader, timeout));
    }

    @Override
    public CompletableFuture<Boolean> lockAcquire(String key, byte[] token, Timeout timeout) {
        return waited(key, super.lockAcquire(key, token, timeout));
    }

    @Override
    public CompletableFuture<Boolean> lockRelease(String key, byte[] token) {
        return waited(key, super.lockRelease(key, token));
    }

    @Override
    public CompletableFuture<Boolean> lockExtend(String key, byte[] token, long millis, boolean replace) {
        return waited(key, super.lockExtend(key, token, millis, replace));
    }

    /** Scripts may write: one WAIT on the server of their first key. */
    @Override
    public <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args) {
        return waited(keys[0], super.<T>eval(script, keys, args));
    }

    @Override
    public String toString() {
        return "ReplicaWait{WAIT_REPLICAS=" + replicas + ", WAIT_TIMEOUT=" + timeoutMillis + "ms, " + delegate() + "}";
    }
}
