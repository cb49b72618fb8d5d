package org.cacheway.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Forms a Redis Cluster from fresh cluster-enabled nodes the way {@code redis-cli --cluster create} does:
 * distinct config epochs, ADDSLOTS, MEET, REPLICATE, then waits for {@code cluster_state:ok} everywhere.
 */
final class ClusterSetup {

    static final int SLOTS = 16384;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private ClusterSetup() {
    }

    /** The first {@code primaryCount} nodes get the slots; the others replicate them round-robin. */
    static void create(List<RedisNode> nodes, int primaryCount, Supplier<String> diagnostics) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            RedisNode node = nodes.get(i);
            ids.add(String.valueOf(node.call("CLUSTER", "MYID")));
            node.call("CLUSTER", "SET-CONFIG-EPOCH", i + 1);
        }
        for (int i = 0; i < primaryCount; i++) {
            int from = i * SLOTS / primaryCount;
            int to = (i + 1) * SLOTS / primaryCount;
            List<Object> command = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = from; slot < to; slot++) {
                command.add(slot);
            }
            nodes.get(i).call(command.toArray());
        }
        RedisNode first = nodes.get(0);
        for (RedisNode node : nodes.subList(1, nodes.size())) {
            first.call("CLUSTER", "MEET", node.host(), node.port());
        }
        Await.until("all " + nodes.size() + " cluster nodes know each other", READY_TIMEOUT, () -> {
            for (RedisNode node : nodes) {
                List<ClusterNodeInfo> view = ClusterNodeInfo.parse(String.valueOf(node.call("CLUSTER", "NODES")));
                if (view.size() != nodes.size()
                        || !view.stream().allMatch(info -> info.connected || info.flags.contains("myself"))
                        || view.stream().anyMatch(info -> info.flags.contains("handshake"))) {
                    return false;
                }
            }
            return true;
        }, diagnostics);
        for (int i = primaryCount; i < nodes.size(); i++) {
            nodes.get(i).call("CLUSTER", "REPLICATE", ids.get(i % primaryCount));
        }
        Await.until("cluster_state:ok on every node with all replicas attached", READY_TIMEOUT, () -> {
            for (RedisNode node : nodes) {
                if (!String.valueOf(node.call("CLUSTER", "INFO")).contains("cluster_state:ok")) {
                    return false;
                }
                List<ClusterNodeInfo> view = ClusterNodeInfo.parse(String.valueOf(node.call("CLUSTER", "NODES")));
                long attached = view.stream().filter(info -> info.isHealthyReplica()
                        && ids.indexOf(info.masterId) >= 0 && ids.indexOf(info.masterId) < primaryCount).count();
                if (attached != nodes.size() - primaryCount) {
                    return false;
                }
            }
            for (RedisNode replica : nodes.subList(primaryCount, nodes.size())) {
                Map<String, String> info = replica.info("replication");
                if (!"up".equals(info.get("master_link_status"))) {
                    return false;
                }
            }
            return true;
        }, diagnostics);
    }
}
