package org.cacheway.cache.redis.client;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.SetMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DefaultClient} that, after every write, waits with Redis {@code WAIT} until
 * {@code OPTIONS['WAIT_REPLICAS']} replicas acknowledged it (at most {@code WAIT_TIMEOUT} ms,
 * default 1000), so that a read sent to a replica right after sees the write. Chosen by
 * {@link CacheClients} when a default-client cache sets {@code WAIT_REPLICAS}. A write that fewer
 * replicas acknowledged in time still stands on the primary and is logged at WARN.
 *
 * <p>{@code add}, {@code deletePattern} and the asynchronous {@code set}/{@code add} wait
 * through the primitives they are made of. WAIT covers every write sent before it on the shared connection and holds that connection
 * until it returns, so it costs throughput: use it where read-your-writes through replicas
 * matters more. {@code WAIT_TIMEOUT} must stay below {@code SOCKET_TIMEOUT}.
 */
public class ReplicaWaitClient extends DefaultClient {
    /** {@code OPTIONS['WAIT_REPLICAS']}: replicas that must acknowledge each write. */
    public static final String WAIT_REPLICAS = "WAIT_REPLICAS";
    /** {@code OPTIONS['WAIT_TIMEOUT']}: milliseconds to wait for them (0 waits for ever, as WAIT). */
    public static final String WAIT_TIMEOUT = "WAIT_TIMEOUT";

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaWaitClient.class);

    private final int replicas;
    private final long timeoutMillis;

    /** A client over the locations of {@code config} (primary first) that waits for replication. */
    public ReplicaWaitClient(ClientConfig config) {
        super(config);
        CacheSettings.Options options = config.settings().options();
        this.replicas = options.integer(WAIT_REPLICAS, 1);
        this.timeoutMillis = options.integer(WAIT_TIMEOUT, 1000);
        if (replicas < 1) {
            throw options.error(WAIT_REPLICAS, options.get(WAIT_REPLICAS), "expected at least 1 replica");
        }
        if (timeoutMillis < 0) {
            throw options.error(WAIT_TIMEOUT, options.get(WAIT_TIMEOUT), "expected milliseconds >= 0");
        }
    }

    @Override
    public Set<String> options() {
        return Set.of(WAIT_REPLICAS, WAIT_TIMEOUT);
    }

    private <T> T waited(T result) {
        Long acknowledged = router().write("wait", null, null,
                (commands, unused) -> commands.waitForReplication(replicas, timeoutMillis));
        report(acknowledged);
        return result;
    }

    private void waited(Runnable write) {
        write.run();
        waited((Object) null);
    }

    private <T> CompletableFuture<T> waitedAsync(Supplier<CompletableFuture<T>> write) {
        return write.get().thenCompose(result -> router().writeAsync("wait", null, null,
                (commands, unused) -> commands.waitForReplication(replicas, timeoutMillis))
                .thenApply(acknowledged -> {
                    report(acknowledged);
                    return result;
                }));
    }

    private void report(Long acknowledged) {
        if (acknowledged == null || acknowledged < replicas) {
            LOG.warn("cache '{}': only {} of {} replicas acknowledged a write within {} ms",
                    config().alias(), acknowledged, replicas, timeoutMillis);
        }
    }

    // ---- writes, each followed by WAIT -----------------------------------------------------

    @Override
    public void set(String key, byte[] value, Timeout timeout) {
        waited(() -> super.set(key, value, timeout));
    }

    @Override
    public boolean set(String key, byte[] value, Timeout timeout, SetMode mode) {
        return waited(super.set(key, value, timeout, mode));
    }


    @Override
    public List<String> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return waited(super.setMany(entries, timeout));
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        return waited(super.touch(key, timeout));
    }

    @Override
    public boolean delete(String key) {
        return waited(super.delete(key));
    }

    @Override
    public long deleteMany(List<String> keys) {
        return waited(super.deleteMany(keys));
    }

    @Override
    public Long incrBy(String key, long delta) {
        return waited(super.incrBy(key, delta));
    }

    @Override
    public long incrByCreating(String key, long delta) {
        return waited(super.incrByCreating(key, delta));
    }

    @Override
    public boolean pexpire(String key, long millis) {
        return waited(super.pexpire(key, millis));
    }

    @Override
    public boolean pexpireAt(String key, long epochMillis) {
        return waited(super.pexpireAt(key, epochMillis));
    }

    @Override
    public boolean persist(String key) {
        return waited(super.persist(key));
    }

    @Override
    public void clear() {
        waited(super::clear);
    }




    @Override
    public CompletableFuture<Boolean> setAsync(String key, byte[] value, Timeout timeout, SetMode mode) {
        return waitedAsync(() -> super.setAsync(key, value, timeout, mode));
    }


    @Override
    public CompletableFuture<List<String>> setManyAsync(Map<String, byte[]> entries, Timeout timeout) {
        return waitedAsync(() -> super.setManyAsync(entries, timeout));
    }

    @Override
    public CompletableFuture<Boolean> touchAsync(String key, Timeout timeout) {
        return waitedAsync(() -> super.touchAsync(key, timeout));
    }

    @Override
    public CompletableFuture<Boolean> deleteAsync(String key) {
        return waitedAsync(() -> super.deleteAsync(key));
    }

    @Override
    public CompletableFuture<Long> deleteManyAsync(List<String> keys) {
        return waitedAsync(() -> super.deleteManyAsync(keys));
    }

    @Override
    public CompletableFuture<Long> incrByAsync(String key, long delta) {
        return waitedAsync(() -> super.incrByAsync(key, delta));
    }

    @Override
    public CompletableFuture<Long> incrByCreatingAsync(String key, long delta) {
        return waitedAsync(() -> super.incrByCreatingAsync(key, delta));
    }

    @Override
    public CompletableFuture<Void> clearAsync() {
        return waitedAsync(super::clearAsync);
    }
}
