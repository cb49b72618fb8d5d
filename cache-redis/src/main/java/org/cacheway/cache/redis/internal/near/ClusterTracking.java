package org.cacheway.cache.redis.internal.near;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.push.RedisClusterPushListener;
import io.lettuce.core.cluster.event.ClusterTopologyChangedEvent;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.Disposable;

/**
 * Tracking on a Redis Cluster, which Lettuce reaches through one connection per node: every
 * primary that holds slots gets its node connection tracked (the very connection Lettuce routes
 * that primary's slots to), its invalidation pushes arrive through the cluster connection's push
 * listener, and a topology change (failover, resharding) drops the whole copy and tracks the new
 * primaries before anything is kept again. A read is kept only when its slot's primary is tracked
 * ({@link #covers}); a read redirected by {@code MOVED} to an untracked node is dropped with the
 * copy when the refresh that the redirect triggers reports the new topology.
 */
final class ClusterTracking {
    private final Tracking tracking;
    private final StatefulRedisClusterConnection<String, byte[]> cluster;
    private final RedisClusterPushListener pushes;
    /** Node id to its tracked connection, or absent while the connection is being made. */
    private final Map<String, StatefulRedisConnection<String, byte[]>> nodes = new ConcurrentHashMap<>();
    private final Set<String> connecting = ConcurrentHashMap.newKeySet();
    private volatile String topology = "";
    private Disposable changes;

    ClusterTracking(Tracking tracking, StatefulRedisClusterConnection<String, byte[]> cluster) {
        this.tracking = tracking;
        this.cluster = cluster;
        this.pushes = (node, message) -> tracking.pushed(message);
    }

    /** The cluster connection tracked. */
    StatefulRedisClusterConnection<String, byte[]> connection() {
        return cluster;
    }

    /** Starts listening for pushes and topology changes, and tracks every primary. */
    void start() {
        cluster.addListener(pushes);
        reconcile();
        changes = cluster.getResources().eventBus().get()
                .filter(ClusterTopologyChangedEvent.class::isInstance)
                .subscribe(event -> reconcile());
    }

    /** Stops listening (the cluster connection is closing or the cache is released). */
    void stop() {
        cluster.removeListener(pushes);
        if (changes != null) {
            changes.dispose();
        }
        nodes.values().forEach(tracking::untrack);
        nodes.clear();
    }

    /** Whether every primary's connection is made (and so tracked or being tracked). */
    boolean settled() {
        return connecting.isEmpty();
    }

    /** Whether the primary of {@code key}'s slot has tracking confirmed on its connection. */
    boolean covers(String key) {
        RedisClusterNode primary = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
        if (primary == null) {
            return false;
        }
        StatefulRedisConnection<String, byte[]> node = nodes.get(primary.getNodeId());
        return node != null && tracking.confirmed(node);
    }

    /**
     * Brings the tracked nodes in line with the cluster's current topology: a change drops the
     * copy, primaries not yet tracked are, nodes gone from the topology are no longer.
     */
    synchronized void reconcile() {
        Partitions partitions = cluster.getPartitions();
        String now = describe(partitions);
        if (now.equals(topology)) {
            return;
        }
        boolean first = topology.isEmpty();
        topology = now;
        if (!first) {
            tracking.near().flush();
        }
        Set<String> primaries = new HashSet<>();
        for (RedisClusterNode node : partitions) {
            if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.getSlots().isEmpty()) {
                primaries.add(node.getNodeId());
                connect(node);
            }
        }
        nodes.entrySet().removeIf(entry -> {
            if (primaries.contains(entry.getKey())) {
                return false;
            }
            tracking.untrack(entry.getValue());
            return true;
        });
    }

    private void connect(RedisClusterNode node) {
        String id = node.getNodeId();
        if (nodes.containsKey(id) || !connecting.add(id)) {
            return;
        }
        tracking.near().suspend();
        RedisURI uri = node.getUri();
        cluster.getConnectionAsync(uri.getHost(), uri.getPort()).whenComplete((connection, error) -> {
            connecting.remove(id);
            if (error == null) {
                nodes.put(id, connection);
                tracking.track(connection);
            } else {
                // the node is unreachable: its slots are not covered; the next topology change retries
                topology = "";
                tracking.resumeIfConfirmed();
            }
        });
    }

    /** The topology as a comparable text: each node's id, address, role and slots. */
    private static String describe(Partitions partitions) {
        Set<String> described = new TreeSet<>();
        for (RedisClusterNode node : partitions) {
            List<Integer> slots = node.getSlots();
            described.add(node.getNodeId() + "@" + node.getUri().getHost() + ":" + node.getUri().getPort()
                    + (node.is(RedisClusterNode.NodeFlag.UPSTREAM) ? " primary " : " replica ") + slots.size()
                    + (slots.isEmpty() ? "" : " from " + slots.get(0)));
        }
        return String.join("; ", described);
    }
}
