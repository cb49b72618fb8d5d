package org.cacheway.cache.redis.client;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.SetMode;

/**
 * The client base for "single-node command execution": every primitive as one Redis command (or
 * one Lua script, where atomicity needs it) on a primary, with reads (get, getMany, exists, pttl,
 * scans) on read replicas through a {@link NodeRouter}. The default and sentinel clients extend
 * it and only say how their nodes are built ({@link #NodeClient(ClientConfig, Connector, Node, List)});
 * a herd client overrides the few primitives it changes.
 *
 * <p>Synchronous primitives use Lettuce's synchronous API directly; asynchronous ones its
 * asynchronous API. Many-key writes ({@link #setMany}) are pipelined on the shared connection:
 * every command is dispatched, then all are awaited, which costs one round trip.
 */
public abstract class NodeClient implements CacheClient {
    private static final String[] NO_KEYS = new String[0];

    private final ClientConfig config;
    private final Connector connector;
    private final NodeRouter router;
    private final LettuceErrors errors;
    private final AsyncPrimitives async;

    /**
     * A client over {@code primary} and read {@code replicas}, all connecting through
     * {@code connector}, which this client shuts down on {@link #release()}.
     */
    protected NodeClient(ClientConfig config, Connector connector, Node primary, List<Node> replicas) {
        this.config = config;
        this.connector = connector;
        this.errors = new LettuceErrors(config.alias());
        this.router = new NodeRouter(primary, replicas, errors);
        this.async = new AsyncPrimitives(router);
    }

    /** The settings this client was built with. */
    protected ClientConfig config() {
        return config;
    }

    /** The router over this client's nodes, for subclasses' own commands. */
    protected NodeRouter router() {
        return router;
    }

    static SetArgs setArgs(Timeout timeout, SetMode mode) {
        SetArgs args = timeout.isNever() ? new SetArgs() : SetArgs.Builder.px(timeout.toMillis());
        return mode == SetMode.NX ? args.nx() : mode == SetMode.XX ? args.xx() : args;
    }

    static byte[] digits(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    static List<byte[]> values(List<KeyValue<String, byte[]>> found) {
        List<byte[]> values = new ArrayList<>(found.size());
        for (KeyValue<String, byte[]> entry : found) {
            values.add(entry.hasValue() ? entry.getValue() : null);
        }
        return values;
    }

    // ---- CacheStore ----------------------------------------------------------------------

    @Override
    public byte[] get(String key) {
        return router.read("get", key, key, (commands, k) -> commands.get(k));
    }

    @Override
    public List<byte[]> getMany(List<String> keys) {
        return values(router.read("getMany", null, keys.toArray(NO_KEYS), (commands, k) -> commands.mget(k)));
    }

    /** The hottest write, kept free of helper objects: {@code SET} or {@code PSETEX} on the primary. */
    @Override
    public void set(String key, byte[] value, Timeout timeout) {
        try {
            RedisCommands<String, byte[]> commands = router.primary().sync();
            if (timeout.isNever()) {
                commands.set(key, value);
            } else {
                commands.psetex(key, timeout.toMillis(), value);
            }
        } catch (RuntimeException e) {
            throw errors.translate(e, "set", key);
        }
    }

    @Override
    public boolean set(String key, byte[] value, Timeout timeout, SetMode mode) {
        SetArgs args = setArgs(timeout, mode);
        return router.write("set", key, KeyValue.just(key, value),
                (commands, kv) -> commands.set(kv.getKey(), kv.getValue(), args)) != null;
    }

    @Override
    public List<String> setMany(Map<String, byte[]> entries, Timeout timeout) {
        try {
            return async.awaitSetMany(AsyncPrimitives.dispatchSetMany(router.primary().async(), entries, timeout), config.socketTimeout());
        } catch (RuntimeException e) {
            throw errors.translate(e, "setMany", null);
        }
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        if (timeout.isNever()) {
            Long existed = router.write("touch", key, new String[] {key},
                    (commands, k) -> Script.PERSIST_EXISTING.run(commands, ScriptOutputType.INTEGER, k));
            return existed != null && existed == 1L;
        }
        return pexpire(key, timeout.toMillis());
    }

    @Override
    public boolean delete(String key) {
        return router.write("delete", key, key, (commands, k) -> commands.del(k)) > 0;
    }

    @Override
    public long deleteMany(List<String> keys) {
        return router.write("deleteMany", null, keys.toArray(NO_KEYS), (commands, k) -> commands.del(k));
    }

    @Override
    public boolean exists(String key) {
        return router.read("exists", key, key, (commands, k) -> commands.exists(k)) > 0;
    }

    @Override
    public Long incrBy(String key, long delta) {
        try {
            return Script.INCR_EXISTING.run(router.primary().sync(), ScriptOutputType.INTEGER, new String[] {key},
                    digits(delta));
        } catch (RuntimeException e) {
            throw errors.translateValue(e, "incr", key);
        }
    }

    @Override
    public long pttl(String key) {
        return router.read("pttl", key, key, (commands, k) -> commands.pttl(k));
    }

    @Override
    public void clear() {
        router.write("clear", null, null, (commands, unused) -> commands.flushdb());
    }

    @Override
    public void release() {
        try {
            router.disconnectAll();
        } finally {
            connector.shutdown();
        }
    }

    // ---- extras --------------------------------------------------------------------------

    @Override
    public long incrByCreating(String key, long delta) {
        try {
            return router.primary().sync().incrby(key, delta);
        } catch (RuntimeException e) {
            throw errors.translateValue(e, "incr", key);
        }
    }

    @Override
    public boolean pexpire(String key, long millis) {
        return router.write("pexpire", key, KeyValue.just(key, millis), (c, kv) -> c.pexpire(kv.getKey(), kv.getValue()));
    }

    @Override
    public boolean pexpireAt(String key, long epochMillis) {
        return router.write("pexpireAt", key, KeyValue.just(key, epochMillis),
                (c, kv) -> c.pexpireat(kv.getKey(), kv.getValue()));
    }

    @Override
    public boolean persist(String key) {
        return router.write("persist", key, key, (commands, k) -> commands.persist(k));
    }

    @Override
    public Iterator<String> scan(String pattern, int count, boolean write) {
        Node node = write ? router.primary() : router.reader();
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(count);
        if (node != router.primary()) {
            try {
                Iterator<String> keys = ScanIterator.scan(node.sync(), args);
                keys.hasNext(); // the first page: a failing replica falls back to the primary here
                return new TranslatingIterator<>(keys, errors, "scan", pattern);
            } catch (io.lettuce.core.RedisException e) {
                node = router.primary();
            }
        }
        try {
            Iterator<String> keys = ScanIterator.scan(node.sync(), args);
            return new TranslatingIterator<>(keys, errors, "scan", pattern);
        } catch (RuntimeException e) {
            throw errors.translate(e, "scan", pattern);
        }
    }

    @Override
    public long deletePattern(String pattern, int count) {
        Iterator<String> keys = scan(pattern, count, true);
        List<String> batch = new ArrayList<>(count);
        long deleted = 0;
        while (keys.hasNext()) {
            batch.add(keys.next());
            if (batch.size() >= count || !keys.hasNext()) {
                deleted += deleteMany(batch);
                batch.clear();
            }
        }
        return deleted;
    }

    @Override
    public boolean lockAcquire(String key, byte[] token, Timeout timeout) {
        return set(key, token, timeout, SetMode.NX);
    }

    @Override
    public boolean lockRelease(String key, byte[] token) {
        Long released = router.write("lockRelease", key, token, (c, t) ->
                Script.LOCK_RELEASE.run(c, ScriptOutputType.INTEGER, new String[] {key}, t));
        return released != null && released > 0;
    }

    @Override
    public boolean lockExtend(String key, byte[] token, long millis, boolean replace) {
        Long extended = router.write("lockExtend", key, token, (c, t) -> Script.LOCK_EXTEND.run(c,
                ScriptOutputType.INTEGER, new String[] {key}, t, digits(millis), digits(replace ? 1 : 0)));
        return extended != null && extended > 0;
    }

    @Override
    public byte[] getFromPrimary(String key) {
        return router.write("get", key, key, (commands, k) -> commands.get(k));
    }

    @Override
    public StatefulRedisConnection<String, byte[]> connection(boolean write) {
        Node node = write ? router.primary() : router.reader();
        try {
            return node.connection();
        } catch (RuntimeException e) {
            throw errors.translate(e, "connect", null);
        }
    }

    @Override
    public void disconnect() {
        router.disconnectAll();
    }

    // ---- asynchronous --------------------------------------------------------------------

    @Override
    public CompletableFuture<byte[]> getAsync(String key) {
        return router.readAsync("get", key, key, RedisAsyncCommands::get);
    }

    @Override
    public CompletableFuture<List<byte[]>> getManyAsync(List<String> keys) {
        return router.readAsync("getMany", null, keys.toArray(NO_KEYS),
                (RedisAsyncCommands<String, byte[]> c, String[] k) -> c.mget(k)).thenApply(NodeClient::values);
    }

    @Override
    public CompletableFuture<Boolean> setAsync(String key, byte[] value, Timeout timeout, SetMode mode) {
        SetArgs args = setArgs(timeout, mode);
        return router.writeAsync("set", key, KeyValue.just(key, value),
                (RedisAsyncCommands<String, byte[]> c, KeyValue<String, byte[]> kv) -> c.set(kv.getKey(),
                        kv.getValue(), args)).thenApply(reply -> reply != null);
    }

    @Override
    public CompletableFuture<List<String>> setManyAsync(Map<String, byte[]> entries, Timeout timeout) {
        return async.setMany(entries, timeout);
    }

    @Override
    public CompletableFuture<Boolean> touchAsync(String key, Timeout timeout) {
        return timeout.isNever() ? async.persistExisting(key) : pexpireAsync(key, timeout.toMillis());
    }

    @Override
    public CompletableFuture<Boolean> deleteAsync(String key) {
        return router.writeAsync("delete", key, key, (RedisAsyncCommands<String, byte[]> c, String k) -> c.del(k))
                .thenApply(count -> count > 0);
    }

    @Override
    public CompletableFuture<Long> deleteManyAsync(List<String> keys) {
        return router.writeAsync("deleteMany", null, keys.toArray(NO_KEYS),
                (RedisAsyncCommands<String, byte[]> c, String[] k) -> c.del(k));
    }

    @Override
    public CompletableFuture<Boolean> existsAsync(String key) {
        return router.readAsync("exists", key, key, (RedisAsyncCommands<String, byte[]> c, String k) -> c.exists(k))
                .thenApply(count -> count > 0);
    }

    @Override
    public CompletableFuture<Long> incrByAsync(String key, long delta) {
        return async.incrExisting(key, delta);
    }

    @Override
    public CompletableFuture<Long> pttlAsync(String key) {
        return router.readAsync("pttl", key, key, RedisAsyncCommands::pttl);
    }

    @Override
    public CompletableFuture<Void> clearAsync() {
        return router.writeAsync("clear", null, null, (RedisAsyncCommands<String, byte[]> c, Object u) -> c.flushdb())
                .thenApply(ok -> null);
    }

    @Override
    public CompletableFuture<Long> incrByCreatingAsync(String key, long delta) {
        return async.incrCreating(key, delta);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAsync(String key, long millis) {
        return router.writeAsync("pexpire", key, KeyValue.just(key, millis),
                (RedisAsyncCommands<String, byte[]> c, KeyValue<String, Long> kv) -> c.pexpire(kv.getKey(), kv.getValue()));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAtAsync(String key, long epochMillis) {
        return router.writeAsync("pexpireAt", key, KeyValue.just(key, epochMillis),
                (RedisAsyncCommands<String, byte[]> c, KeyValue<String, Long> kv) -> c.pexpireat(kv.getKey(),
                        kv.getValue()));
    }

    @Override
    public CompletableFuture<Boolean> persistAsync(String key) {
        return router.writeAsync("persist", key, key, (RedisAsyncCommands<String, byte[]> c, String k) -> c.persist(k));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{primary=" + router.primary().name() + ", replicas="
                + router.replicas().stream().map(Node::name).toList() + "}";
    }
}
