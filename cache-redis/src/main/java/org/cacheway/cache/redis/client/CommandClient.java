package org.cacheway.cache.redis.client;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.cacheway.cache.CacheConnectionException;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.SetCondition;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.redis.internal.Digits;
import org.cacheway.cache.redis.internal.Transport;

/**
 * The one client layer of the default, sentinel and cluster clients: every primitive as one
 * command (or one Lua script, where atomicity needs it) on a primary {@link Transport}, with reads
 * (get, getMany, exists, pttl, scans) sent to read replicas in turn and retried on the primary when
 * a replica fails (django-redis picks a random replica and does not fall back). The subclasses only
 * say how their transports are built; a cluster transport routes by slot itself.
 */
abstract class CommandClient implements CacheClient {
    private final Transport primary;
    private final List<Transport> replicas;
    private final Runnable shutdown;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * A client writing to {@code primary} and reading from {@code replicas} (none: the primary);
     * {@code shutdown} releases what made them, on {@link #release()}.
     */
    CommandClient(Transport primary, List<Transport> replicas, Runnable shutdown) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.replicas = List.copyOf(replicas);
        this.shutdown = shutdown;
    }

    /** The transport the next read goes to: a replica in turn, or the primary when there is none. */
    private Transport reader() {
        int count = replicas.size();
        if (count == 0) {
            return primary;
        }
        return count == 1 ? replicas.get(0) : replicas.get(Math.floorMod(next.getAndIncrement(), count));
    }

    /** A read that a failing replica hands over to the primary. */
    private interface Read<T> {
        CompletableFuture<T> on(Transport transport);
    }

    private <T> CompletableFuture<T> read(Read<T> read) {
        Transport reader = reader();
        CompletableFuture<T> first = read.on(reader);
        if (reader == primary) {
            return first;
        }
        return first.handle((value, error) -> error == null ? first
                : Stages.unwrap(error) instanceof CacheConnectionException ? read.on(primary) : first)
                .thenCompose(stage -> stage);
    }

    // ---- CacheStore ----------------------------------------------------------------------

    @Override
    public CompletableFuture<byte[]> get(String key) {
        return replicas.isEmpty() ? primary.get(key) : read(transport -> transport.get(key));
    }

    @Override
    public CompletableFuture<List<byte[]>> getMany(List<String> keys) {
        return read(transport -> transport.mget(keys));
    }

    @Override
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        return primary.set(key, value, timeout, condition);
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return primary.setPipelined(entries, timeout);
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        if (timeout.isNever()) {
            return primary.<Long>eval(RedisScript.PERSIST_EXISTING, new String[] {key})
                    .thenApply(existed -> existed != null && existed == 1L);
        }
        return primary.pexpire(key, timeout.toMillis());
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return primary.delete(key);
    }

    @Override
    public CompletableFuture<Long> deleteMany(List<String> keys) {
        return primary.delete(keys);
    }

    @Override
    public CompletableFuture<Boolean> exists(String key) {
        return read(transport -> transport.exists(key));
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        return primary.eval(RedisScript.INCR_EXISTING, new String[] {key}, Digits.of(delta));
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return read(transport -> transport.pttl(key));
    }

    @Override
    public CompletableFuture<Void> clear() {
        return primary.flushdb();
    }

    @Override
    public void release() {
        try {
            disconnect();
        } finally {
            shutdown.run();
        }
    }

    // ---- extras --------------------------------------------------------------------------

    @Override
    public CompletableFuture<Long> incrByCreating(String key, long delta) {
        return primary.incrBy(key, delta);
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return primary.pexpire(key, millis);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long epochMillis) {
        return primary.pexpireAt(key, epochMillis);
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return primary.persist(key);
    }

    /** A scan stays on the transport that served its first page (the cursor is that server's). */
    @Override
    public CompletableFuture<ScanPage> scan(String pattern, int count, boolean write, ScanPage after) {
        if (after != null) {
            Cursor cursor = (Cursor) after.cursor();
            return cursor.transport.scan(pattern, count, cursor.page).thenApply(page -> tagged(cursor.transport, page));
        }
        if (write) {
            return primary.scan(pattern, count, null).thenApply(page -> tagged(primary, page));
        }
        Transport[] served = {reader()};
        return read(transport -> {
            served[0] = transport;
            return transport.scan(pattern, count, null);
        }).thenApply(page -> tagged(served[0], page));
    }

    /** A scan page's cursor: the transport's own page and which transport it came from. */
    private record Cursor(Transport transport, ScanPage page) {
    }

    private static ScanPage tagged(Transport transport, ScanPage page) {
        return ScanPage.of(page.keys(), page.finished() ? null : new Cursor(transport, page));
    }

    @Override
    public CompletableFuture<Long> deletePattern(String pattern, int count) {
        return deletePages(pattern, count, null, 0);
    }

    private CompletableFuture<Long> deletePages(String pattern, int count, ScanPage after, long deleted) {
        return primary.scan(pattern, count, after).thenCompose(page -> {
            CompletableFuture<Long> batch = page.keys().isEmpty() ? CompletableFuture.completedFuture(0L)
                    : primary.delete(page.keys());
            return batch.thenCompose(n -> page.finished() ? CompletableFuture.completedFuture(deleted + n)
                    : deletePages(pattern, count, page, deleted + n));
        });
    }

    @Override
    public CompletableFuture<Boolean> lockAcquire(String key, byte[] token, Timeout timeout) {
        return primary.set(key, token, timeout, SetCondition.IF_ABSENT);
    }

    @Override
    public CompletableFuture<Boolean> lockRelease(String key, byte[] token) {
        return primary.<Long>eval(RedisScript.LOCK_RELEASE, new String[] {key}, token)
                .thenApply(released -> released != null && released > 0);
    }

    @Override
    public CompletableFuture<Boolean> lockExtend(String key, byte[] token, long millis, boolean replace) {
        return primary.<Long>eval(RedisScript.LOCK_EXTEND, new String[] {key}, token, Digits.of(millis),
                Digits.of(replace ? 1 : 0)).thenApply(extended -> extended != null && extended > 0);
    }

    @Override
    public CompletableFuture<byte[]> getFromPrimary(String key) {
        return primary.get(key);
    }

    @Override
    public <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args) {
        return primary.eval(script, keys, args);
    }

    @Override
    public CompletableFuture<Map<String, byte[]>> hashGetAll(String key) {
        return primary.hgetall(key);
    }

    @Override
    public CompletableFuture<Long> waitForReplicas(List<String> keys, int replicas, long timeoutMillis) {
        return primary.waitForReplicas(keys, replicas, timeoutMillis);
    }

    /** The raw connection of the primary (or of a read replica); a cluster client overrides this. */
    @Override
    public StatefulRedisConnection<String, byte[]> connection(boolean write) {
        return (StatefulRedisConnection<String, byte[]>) (write ? primary : reader()).connection();
    }

    @Override
    public CompletableFuture<Void> connect() {
        CompletableFuture<Void> all = primary.connect();
        for (Transport replica : replicas) {
            all = all.thenCombine(replica.connect(), (a, b) -> null);
        }
        return all;
    }

    @Override
    public void disconnect() {
        primary.disconnect();
        replicas.forEach(Transport::disconnect);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{primary=" + primary.name() + ", replicas="
                + replicas.stream().map(Transport::name).toList() + "}";
    }
}
