package org.cacheway.cache.redis.client;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.cacheway.cache.CacheHealth;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.SetCondition;

/**
 * A client that forwards every primitive to another: the base of policies put around any client
 * class (herd, replica wait) and the seam for cross-cutting layers such as a near cache or
 * metrics. Every read ({@code get}, {@code getMany}, {@code exists}, {@code pttl},
 * {@code getFromPrimary}, {@code hashGetAll}, {@code scan}), write ({@code set}, {@code setMany},
 * {@code touch}, {@code incrBy}, {@code incrByCreating}, the expiry family, {@code fill}, the
 * lock primitives, {@code eval}) and invalidation ({@code delete}, {@code deleteMany},
 * {@code deletePattern}, {@code clear}, {@code disconnect}) passes through one method here, so a
 * subclass overrides exactly the ones it changes and sees all the others go by.
 */
public abstract class ForwardingClient implements CacheClient {
    private final CacheClient delegate;

    /** A client forwarding to {@code delegate}, which it releases on {@link #release()}. */
    protected ForwardingClient(CacheClient delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The client every primitive goes to. */
    protected CacheClient delegate() {
        return delegate;
    }

    @Override
    public CompletableFuture<byte[]> get(String key) {
        return delegate.get(key);
    }

    @Override
    public CompletableFuture<List<byte[]>> getMany(List<String> keys) {
        return delegate.getMany(keys);
    }

    @Override
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        return delegate.set(key, value, timeout, condition);
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return delegate.setMany(entries, timeout);
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        return delegate.touch(key, timeout);
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return delegate.delete(key);
    }

    @Override
    public CompletableFuture<Long> deleteMany(List<String> keys) {
        return delegate.deleteMany(keys);
    }

    @Override
    public CompletableFuture<Boolean> exists(String key) {
        return delegate.exists(key);
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        return delegate.incrBy(key, delta);
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return delegate.pttl(key);
    }

    @Override
    public CompletableFuture<Void> clear() {
        return delegate.clear();
    }

    @Override
    public CompletableFuture<byte[]> fill(String key, Supplier<CompletableFuture<byte[]>> loader, Timeout timeout) {
        return delegate.fill(key, loader, timeout);
    }

    @Override
    public CompletableFuture<Long> incrByCreating(String key, long delta) {
        return delegate.incrByCreating(key, delta);
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return delegate.pexpire(key, millis);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long epochMillis) {
        return delegate.pexpireAt(key, epochMillis);
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return delegate.persist(key);
    }

    @Override
    public CompletableFuture<ScanPage> scan(String pattern, int count, boolean write, ScanPage after) {
        return delegate.scan(pattern, count, write, after);
    }

    @Override
    public CompletableFuture<Long> deletePattern(String pattern, int count) {
        return delegate.deletePattern(pattern, count);
    }

    @Override
    public CompletableFuture<Boolean> lockAcquire(String key, byte[] token, Timeout timeout) {
        return delegate.lockAcquire(key, token, timeout);
    }

    @Override
    public CompletableFuture<Boolean> lockRelease(String key, byte[] token) {
        return delegate.lockRelease(key, token);
    }

    @Override
    public CompletableFuture<Boolean> lockExtend(String key, byte[] token, long millis, boolean replace) {
        return delegate.lockExtend(key, token, millis, replace);
    }

    @Override
    public CompletableFuture<byte[]> getFromPrimary(String key) {
        return delegate.getFromPrimary(key);
    }

    @Override
    public <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args) {
        return delegate.eval(script, keys, args);
    }

    @Override
    public CompletableFuture<Map<String, byte[]>> hashGetAll(String key) {
        return delegate.hashGetAll(key);
    }

    @Override
    public CompletableFuture<Long> waitForReplicas(List<String> keys, int replicas, long timeoutMillis) {
        return delegate.waitForReplicas(keys, replicas, timeoutMillis);
    }

    @Override
    public String companionKey(String key, String suffix) {
        return delegate.companionKey(key, suffix);
    }

    @Override
    public boolean spreadsKeys() {
        return delegate.spreadsKeys();
    }

    @Override
    public StatefulRedisConnection<String, byte[]> connection(boolean write) {
        return delegate.connection(write);
    }

    /** This client if of {@code type}, else the layer of that type inward. */
    @Override
    public <T> Optional<T> layer(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : delegate.layer(type);
    }

    @Override
    public OptionalLong evictions() {
        return delegate.evictions();
    }

    @Override
    public OptionalLong size() {
        return delegate.size();
    }

    @Override
    public CompletableFuture<List<CacheHealth.NodeHealth>> health() {
        return delegate.health();
    }

    @Override
    public CompletableFuture<Void> connect() {
        return delegate.connect();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void disconnect() {
        delegate.disconnect();
    }

    @Override
    public void release() {
        delegate.release();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + delegate + "}";
    }
}
