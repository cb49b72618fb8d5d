package org.cacheway.cache.redis.client;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.SetMode;

/**
 * The client base for spreading keys over several servers (django-redis's {@code ShardClient}):
 * each server is a single-node {@link CacheClient} (typically {@link DefaultClient#single}), a
 * subclass says which one owns a made key ({@link #nodeFor(String)}, e.g. a consistent hash ring),
 * and this class routes single-key primitives to that node, groups many-key primitives by node
 * (one command per node, results reassembled in request order) and fans whole-database ones
 * (clear, scans, pattern deletes) out to every node. Raw connections are not offered, as in
 * django-redis.
 */
public abstract class RoutingClient implements CacheClient {
    private final List<CacheClient> nodes;

    /** A client over {@code nodes}, which it releases on {@link #release()}. */
    protected RoutingClient(List<? extends CacheClient> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a routing client needs at least one node");
        }
        this.nodes = List.copyOf(nodes);
    }

    /** The index in {@link #nodes()} of the node that owns the made key. */
    protected abstract int nodeFor(String key);

    /** The nodes, in {@code LOCATION} order. */
    protected List<CacheClient> nodes() {
        return nodes;
    }

    /** The node that owns the made key. */
    protected CacheClient node(String key) {
        return nodes.get(nodeFor(key));
    }

    /** The keys grouped by owning node index, each group in request order. */
    protected Map<Integer, List<String>> groupByNode(Iterable<String> keys) {
        Map<Integer, List<String>> groups = new LinkedHashMap<>();
        for (String key : keys) {
            groups.computeIfAbsent(nodeFor(key), n -> new ArrayList<>()).add(key);
        }
        return groups;
    }

    // ---- single-key primitives go to the owner -------------------------------------------

    @Override
    public byte[] get(String key) {
        return node(key).get(key);
    }

    @Override
    public void set(String key, byte[] value, Timeout timeout) {
        node(key).set(key, value, timeout);
    }

    @Override
    public boolean add(String key, byte[] value, Timeout timeout) {
        return node(key).add(key, value, timeout);
    }

    @Override
    public boolean set(String key, byte[] value, Timeout timeout, SetMode mode) {
        return node(key).set(key, value, timeout, mode);
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        return node(key).touch(key, timeout);
    }

    @Override
    public boolean delete(String key) {
        return node(key).delete(key);
    }

    @Override
    public boolean exists(String key) {
        return node(key).exists(key);
    }

    @Override
    public Long incrBy(String key, long delta) {
        return node(key).incrBy(key, delta);
    }

    @Override
    public long incrByCreating(String key, long delta) {
        return node(key).incrByCreating(key, delta);
    }

    @Override
    public long pttl(String key) {
        return node(key).pttl(key);
    }

    @Override
    public boolean pexpire(String key, long millis) {
        return node(key).pexpire(key, millis);
    }

    @Override
    public boolean pexpireAt(String key, long epochMillis) {
        return node(key).pexpireAt(key, epochMillis);
    }

    @Override
    public boolean persist(String key) {
        return node(key).persist(key);
    }

    @Override
    public boolean lockAcquire(String key, byte[] token, Timeout timeout) {
        return node(key).lockAcquire(key, token, timeout);
    }

    @Override
    public boolean lockRelease(String key, byte[] token) {
        return node(key).lockRelease(key, token);
    }

    @Override
    public boolean lockExtend(String key, byte[] token, long millis, boolean replace) {
        return node(key).lockExtend(key, token, millis, replace);
    }

    @Override
    public byte[] getFromPrimary(String key) {
        return node(key).getFromPrimary(key);
    }

    // ---- many-key primitives: one command per node ---------------------------------------

    @Override
    public List<byte[]> getMany(List<String> keys) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        groupByNode(keys).forEach((index, group) -> collect(found, group, nodes.get(index).getMany(group)));
        return inRequestOrder(keys, found);
    }

    private static void collect(Map<String, byte[]> found, List<String> group, List<byte[]> values) {
        for (int i = 0; i < group.size(); i++) {
            found.put(group.get(i), values.get(i));
        }
    }

    private static List<byte[]> inRequestOrder(List<String> keys, Map<String, byte[]> found) {
        List<byte[]> values = new ArrayList<>(keys.size());
        keys.forEach(key -> values.add(found.get(key)));
        return values;
    }

    @Override
    public List<String> setMany(Map<String, byte[]> entries, Timeout timeout) {
        List<String> failed = new ArrayList<>();
        groupByNode(entries.keySet()).forEach((index, group) ->
                failed.addAll(nodes.get(index).setMany(subMap(entries, group), timeout)));
        return failed;
    }

    private static Map<String, byte[]> subMap(Map<String, byte[]> entries, List<String> keys) {
        Map<String, byte[]> part = new LinkedHashMap<>();
        keys.forEach(key -> part.put(key, entries.get(key)));
        return part;
    }

    @Override
    public long deleteMany(List<String> keys) {
        long deleted = 0;
        for (Map.Entry<Integer, List<String>> group : groupByNode(keys).entrySet()) {
            deleted += nodes.get(group.getKey()).deleteMany(group.getValue());
        }
        return deleted;
    }

    // ---- whole-database primitives: every node -------------------------------------------

    @Override
    public void clear() {
        nodes.forEach(CacheClient::clear);
    }

    @Override
    public Iterator<String> scan(String pattern, int count, boolean write) {
        Iterator<CacheClient> remaining = nodes.iterator();
        return new Iterator<>() {
            private Iterator<String> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && remaining.hasNext()) {
                    current = remaining.next().scan(pattern, count, write);
                }
                return current.hasNext();
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    @Override
    public long deletePattern(String pattern, int count) {
        long deleted = 0;
        for (CacheClient node : nodes) {
            deleted += node.deletePattern(pattern, count);
        }
        return deleted;
    }

    /** Not offered: keys live on several servers (django-redis raises NotImplementedError). */
    @Override
    public StatefulRedisConnection<String, byte[]> connection(boolean write) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " spreads keys over several servers; there is no single raw connection");
    }

    @Override
    public void disconnect() {
        nodes.forEach(CacheClient::disconnect);
    }

    /**
     * Closes every node's connection, then releases the nodes: nodes may share one connector
     * ({@link DefaultClient#single}), whose shutdown by the first node would otherwise close the
     * others' connections under them (Lettuce then warns "Connection is already closed").
     */
    @Override
    public void release() {
        nodes.forEach(CacheClient::disconnect);
        nodes.forEach(CacheClient::release);
    }

    // ---- asynchronous --------------------------------------------------------------------

    @Override
    public CompletableFuture<byte[]> getAsync(String key) {
        return node(key).getAsync(key);
    }

    @Override
    public CompletableFuture<Void> setAsync(String key, byte[] value, Timeout timeout) {
        return node(key).setAsync(key, value, timeout);
    }

    @Override
    public CompletableFuture<Boolean> addAsync(String key, byte[] value, Timeout timeout) {
        return node(key).addAsync(key, value, timeout);
    }

    @Override
    public CompletableFuture<Boolean> setAsync(String key, byte[] value, Timeout timeout, SetMode mode) {
        return node(key).setAsync(key, value, timeout, mode);
    }

    @Override
    public CompletableFuture<Boolean> touchAsync(String key, Timeout timeout) {
        return node(key).touchAsync(key, timeout);
    }

    @Override
    public CompletableFuture<Boolean> deleteAsync(String key) {
        return node(key).deleteAsync(key);
    }

    @Override
    public CompletableFuture<Boolean> existsAsync(String key) {
        return node(key).existsAsync(key);
    }

    @Override
    public CompletableFuture<Long> incrByAsync(String key, long delta) {
        return node(key).incrByAsync(key, delta);
    }

    @Override
    public CompletableFuture<Long> incrByCreatingAsync(String key, long delta) {
        return node(key).incrByCreatingAsync(key, delta);
    }

    @Override
    public CompletableFuture<Long> pttlAsync(String key) {
        return node(key).pttlAsync(key);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAsync(String key, long millis) {
        return node(key).pexpireAsync(key, millis);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAtAsync(String key, long epochMillis) {
        return node(key).pexpireAtAsync(key, epochMillis);
    }

    @Override
    public CompletableFuture<Boolean> persistAsync(String key) {
        return node(key).persistAsync(key);
    }

    @Override
    public CompletableFuture<List<byte[]>> getManyAsync(List<String> keys) {
        Map<Integer, List<String>> groups = groupByNode(keys);
        Map<List<String>, CompletableFuture<List<byte[]>>> replies = new LinkedHashMap<>();
        groups.forEach((index, group) -> replies.put(group, nodes.get(index).getManyAsync(group)));
        return allOf(replies, done -> {
            Map<String, byte[]> found = new LinkedHashMap<>();
            done.forEach((group, reply) -> collect(found, group, reply.join()));
            return inRequestOrder(keys, found);
        });
    }

    @Override
    public CompletableFuture<List<String>> setManyAsync(Map<String, byte[]> entries, Timeout timeout) {
        Map<List<String>, CompletableFuture<List<String>>> replies = new LinkedHashMap<>();
        groupByNode(entries.keySet()).forEach((index, group) ->
                replies.put(group, nodes.get(index).setManyAsync(subMap(entries, group), timeout)));
        return allOf(replies, done -> {
            List<String> failed = new ArrayList<>();
            done.values().forEach(reply -> failed.addAll(reply.join()));
            return failed;
        });
    }

    @Override
    public CompletableFuture<Long> deleteManyAsync(List<String> keys) {
        Map<List<String>, CompletableFuture<Long>> replies = new LinkedHashMap<>();
        groupByNode(keys).forEach((index, group) -> replies.put(group, nodes.get(index).deleteManyAsync(group)));
        return allOf(replies, done -> done.values().stream().mapToLong(CompletableFuture::join).sum());
    }

    @Override
    public CompletableFuture<Void> clearAsync() {
        return CompletableFuture.allOf(nodes.stream().map(CacheClient::clearAsync).toArray(CompletableFuture[]::new));
    }

    private static <K, V, R> CompletableFuture<R> allOf(Map<K, CompletableFuture<V>> replies,
            Function<Map<K, CompletableFuture<V>>, R> combine) {
        CompletableFuture<?>[] all = replies.values().toArray(new CompletableFuture<?>[0]);
        return CompletableFuture.allOf(all).thenApply(done -> combine.apply(replies));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + Arrays.toString(nodes.toArray());
    }
}
