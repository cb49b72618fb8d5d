package org.cacheway.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of 3 primaries with 1 replica each ({@code cluster-node-timeout 2000}), returned once every
 * node reports {@code cluster_state:ok} and the replicas are attached. Roles are read from {@code CLUSTER NODES},
 * so they stay right after a failover.
 */
public final class RedisCluster extends AbstractTopology {

    private static final int PRIMARIES = 3;
    private static final int REPLICAS_PER_PRIMARY = 1;

    private RedisCluster(String label, RedisSource source) {
        super(label, source);
    }

    static RedisCluster start(String label) {
        RedisSource source = Sources.choose(false, "cluster");
        return launch(new RedisCluster(label, source), topology -> {
            int count = PRIMARIES * (1 + REPLICAS_PER_PRIMARY);
            for (int i = 1; i <= count; i++) {
                topology.startNode("node-" + i, false, true, NodeConfig::clusterNode);
            }
            ClusterSetup.create(topology.nodes(), PRIMARIES, topology::diagnostics);
        });
    }

    /** The nodes that currently serve slots as healthy primaries, per {@code CLUSTER NODES} of a live node. */
    public List<RedisNode> primaries() {
        return view().stream().filter(info -> info.isHealthyPrimary() && info.hasSlots)
                .map(this::nodeFor).flatMap(Optional::stream).collect(Collectors.toUnmodifiableList());
    }

    /** The nodes that currently are healthy replicas, per {@code CLUSTER NODES} of a live node. */
    public List<RedisNode> replicas() {
        return view().stream().filter(ClusterNodeInfo::isHealthyReplica)
                .map(this::nodeFor).flatMap(Optional::stream).collect(Collectors.toUnmodifiableList());
    }

    /** The healthy replicas of {@code primary}, per {@code CLUSTER NODES} of a live node. */
    public List<RedisNode> replicasOf(RedisNode primary) {
        List<ClusterNodeInfo> view = view();
        String primaryId = view.stream().filter(info -> info.port == primary.port()).map(info -> info.id)
                .findFirst().orElse(null);
        return view.stream().filter(info -> info.isHealthyReplica() && info.masterId != null
                        && info.masterId.equals(primaryId))
                .map(this::nodeFor).flatMap(Optional::stream).collect(Collectors.toUnmodifiableList());
    }

    /** Whether {@code node} is currently a healthy primary serving slots. */
    public boolean isPrimary(RedisNode node) {
        return primaries().contains(node);
    }

    /** {@code redis://127.0.0.1:PORT} of every node: seeds for a cluster client. */
    public List<String> uris() {
        return nodes().stream().map(RedisNode::uri).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Waits until every running node reports {@code cluster_state:ok} and {@value #PRIMARIES} healthy primaries
     * serve the slots, e.g. after a failover; paused nodes must be resumed first.
     */
    public void awaitHealthy(Duration timeout) {
        Await.until("the cluster is healthy (cluster_state:ok everywhere, " + PRIMARIES + " primaries)", timeout,
                () -> {
                    for (RedisNode node : nodes()) {
                        if (node.isRunning()
                                && !String.valueOf(node.call("CLUSTER", "INFO")).contains("cluster_state:ok")) {
                            return false;
                        }
                    }
                    return primaries().size() == PRIMARIES;
                }, this::diagnostics);
    }

    /** {@code FLUSHALL} on every current primary. */
    @Override
    public void flushAll() {
        for (RedisNode primary : primaries()) {
            primary.call("FLUSHALL");
        }
    }

    private List<ClusterNodeInfo> view() {
        RedisNode witness = firstAnswering(new ArrayList<>(nodes()));
        return ClusterNodeInfo.parse(String.valueOf(witness.call("CLUSTER", "NODES")));
    }

    private Optional<RedisNode> nodeFor(ClusterNodeInfo info) {
        return nodes().stream().filter(node -> node.port() == info.port).findFirst();
    }
}
