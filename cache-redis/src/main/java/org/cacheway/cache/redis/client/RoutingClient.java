package org.cacheway.cache.redis.client;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.cacheway.cache.CacheHealth;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.SetCondition;
import org.cacheway.cache.redis.CrossSlotException;

/**
 * The client base for spreading keys over several servers (django-redis's {@code ShardClient}):
 * each server is a single-node {@link CacheClient} (typically {@link DefaultClient#single}), a
 * subclass says which one owns a made key ({@link #nodeFor(String)}, e.g. a consistent hash ring),
 * and this class routes single-key primitives (and scripts, by their first key) to that node,
 * groups many-key primitives by node (one command per node, all nodes in parallel, results
 * reassembled in request order) and fans whole-database ones (clear, scans, pattern deletes) out
 * to every node. Raw connections are not offered, as in django-redis.
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

    /** Runs {@code command} on each node's group of {@code keys}, all at once; the replies in group order. */
    private <R> CompletableFuture<List<R>> perNode(Iterable<String> keys,
            BiFunction<CacheClient, List<String>, CompletableFuture<R>> command) {
        List<CompletableFuture<R>> replies = new ArrayList<>();
        groupByNode(keys).forEach((index, group) -> replies.add(command.apply(nodes.get(index), group)));
        return all(replies);
    }

    /** Runs {@code command} on every node, all at once; the replies in node order. */
    private <R> CompletableFuture<List<R>> everyNode(Function<CacheClient, CompletableFuture<R>> command) {
        List<CompletableFuture<R>> replies = new ArrayList<>(nodes.size());
        nodes.forEach(node -> replies.add(command.apply(node)));
        return all(replies);
    }

    private static <R> CompletableFuture<List<R>> all(List<CompletableFuture<R>> replies) {
        return CompletableFuture.allOf(replies.toArray(new CompletableFuture<?>[0]))
                .thenApply(done -> replies.stream().map(CompletableFuture::join).toList());
    }

    // ---- single-key primitives go to the owner -------------------------------------------

    @Override
    public CompletableFuture<byte[]> get(String key) {
        return node(key).get(key);
    }

    @Override
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        return node(key).set(key, value, timeout, condition);
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        return node(key).touch(key, timeout);
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return node(key).delete(key);
    }

    @Override
    public CompletableFuture<Boolean> exists(String key) {
        return node(key).exists(key);
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        return node(key).incrBy(key, delta);
    }

    @Override
    public CompletableFuture<Long> incrByCreating(String key, long delta) {
        return node(key).incrByCreating(key, delta);
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return node(key).pttl(key);
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return node(key).pexpire(key, millis);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long epochMillis) {
        return node(key).pexpireAt(key, epochMillis);
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return node(key).persist(key);
    }

    @Override
    public CompletableFuture<Boolean> lockAcquire(String key, byte[] token, Timeout timeout) {
        return node(key).lockAcquire(key, token, timeout);
    }

    @Override
    public CompletableFuture<Boolean> lockRelease(String key, byte[] token) {
        return node(key).lockRelease(key, token);
    }

    @Override
    public CompletableFuture<Boolean> lockExtend(String key, byte[] token, long millis, boolean replace) {
        return node(key).lockExtend(key, token, millis, replace);
    }

    @Override
    public CompletableFuture<byte[]> getFromPrimary(String key) {
        return node(key).getFromPrimary(key);
    }

    /**
     * On the node of {@code keys[0]}: a script's keys must all live where its first key does (a
     * shared hash tag puts them there); otherwise the future fails with {@link CrossSlotException}
     * naming the keys, since no server could combine them.
     */
    @Override
    public <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args) {
        int owner = nodeFor(keys[0]);
        for (String key : keys) {
            if (nodeFor(key) != owner) {
                return CompletableFuture.failedFuture(CrossSlotException.servers(script.name(), List.of(keys)));
            }
        }
        return nodes.get(owner).eval(script, keys, args);
    }

    @Override
    public CompletableFuture<Map<String, byte[]>> hashGetAll(String key) {
        return node(key).hashGetAll(key);
    }

    // ---- many-key primitives: one command per node ---------------------------------------

    @Override
    public CompletableFuture<List<byte[]>> getMany(List<String> keys) {
        Map<Integer, List<String>> groups = groupByNode(keys);
        List<List<String>> order = new ArrayList<>(groups.values());
        return perNode(keys, CacheClient::getMany).thenApply(replies -> {
            Map<String, byte[]> found = new LinkedHashMap<>();
            for (int g = 0; g < order.size(); g++) {
                List<String> group = order.get(g);
                for (int i = 0; i < group.size(); i++) {
                    found.put(group.get(i), replies.get(g).get(i));
                }
            }
            List<byte[]> values = new ArrayList<>(keys.size());
            keys.forEach(key -> values.add(found.get(key)));
            return values;
        });
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return perNode(entries.keySet(), (node, group) -> {
            Map<String, byte[]> part = new LinkedHashMap<>();
            group.forEach(key -> part.put(key, entries.get(key)));
            return node.setMany(part, timeout);
        }).thenApply(replies -> replies.stream().flatMap(List::stream).toList());
    }

    @Override
    public CompletableFuture<Long> deleteMany(List<String> keys) {
        return perNode(keys, CacheClient::deleteMany).thenApply(counts -> counts.stream().mapToLong(n -> n).sum());
    }

    /** On each node holding {@code keys} (every node when null); the fewest acknowledgements. */
    @Override
    public CompletableFuture<Long> waitForReplicas(List<String> keys, int replicas, long timeoutMillis) {
        CompletableFuture<List<Long>> acks = keys == null
                ? everyNode(node -> node.waitForReplicas(null, replicas, timeoutMillis))
                : perNode(keys, (node, group) -> node.waitForReplicas(group, replicas, timeoutMillis));
        return acks.thenApply(counts -> counts.stream().mapToLong(n -> n).min().orElse(replicas));
    }

    // ---- whole-database primitives: every node -------------------------------------------

    @Override
    public CompletableFuture<Void> clear() {
        return everyNode(CacheClient::clear).thenApply(done -> null);
    }

    /** Every node in turn; the cursor says which node and where on it. */
    @Override
    public CompletableFuture<ScanPage> scan(String pattern, int count, boolean write, ScanPage after) {
        Position at = after == null ? new Position(0, null) : (Position) after.cursor();
        return nodes.get(at.node).scan(pattern, count, write, at.page).thenApply(page -> {
            Position next = !page.finished() ? new Position(at.node, page)
                    : at.node + 1 < nodes.size() ? new Position(at.node + 1, null) : null;
            return ScanPage.of(page.keys(), next);
        });
    }

    /** Where a scan over the nodes stands: a node and its page (null to start on it). */
    private record Position(int node, ScanPage page) {
    }

    @Override
    public CompletableFuture<Long> deletePattern(String pattern, int count) {
        return everyNode(node -> node.deletePattern(pattern, count))
                .thenApply(counts -> counts.stream().mapToLong(n -> n).sum());
    }

    /** True: keys live on several servers (a hash tag keeps keys together). */
    @Override
    public boolean spreadsKeys() {
        return true;
    }

    /** Not offered: keys live on several servers (django-redis raises NotImplementedError). */
    @Override
    public StatefulRedisConnection<String, byte[]> connection(boolean write) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " spreads keys over several servers; there is no single raw connection");
    }

    @Override
    public CompletableFuture<Void> connect() {
        return everyNode(CacheClient::connect).thenApply(done -> null);
    }

    @Override
    public CompletableFuture<List<CacheHealth.NodeHealth>> health() {
        return everyNode(CacheClient::health).thenApply(each -> each.stream().flatMap(List::stream).toList());
    }

    @Override
    public void disconnect() {
        nodes.forEach(CacheClient::disconnect);
    }

    @Override
    public void release() {
        nodes.forEach(CacheClient::release);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + Arrays.toString(nodes.toArray());
    }
}
