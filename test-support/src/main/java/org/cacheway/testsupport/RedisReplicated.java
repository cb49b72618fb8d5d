package org.cacheway.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A primary with N replicas (no sentinel), returned once every replica's link to the primary is up. */
public final class RedisReplicated extends AbstractTopology {

    private final List<RedisNode> replicas = new ArrayList<>();
    private RedisNode primary;

    private RedisReplicated(String label, RedisSource source) {
        super(label, source);
    }

    static RedisReplicated start(String label, int replicaCount) {
        if (replicaCount < 1) {
            throw new IllegalArgumentException("a replicated topology needs at least one replica, got " + replicaCount);
        }
        RedisSource source = Sources.choose(false, "replicated");
        return launch(new RedisReplicated(label, source), topology -> {
            RedisNode primary = topology.startNode("primary", false, false, NodeConfig::server);
            topology.primary = primary;
            for (int i = 1; i <= replicaCount; i++) {
                topology.replicas.add(topology.startNode("replica-" + i, false, false,
                        (port, dir) -> NodeConfig.replica(port, dir, primary)));
            }
            Replication.awaitLinksUp(primary, topology.replicas, topology::diagnostics);
        });
    }

    /** The primary (there is no automatic failover in this topology). */
    public RedisNode primary() {
        return primary;
    }

    /** The replicas, in start order. */
    public List<RedisNode> replicas() {
        return Collections.unmodifiableList(replicas);
    }

    /** {@code FLUSHALL} on the primary, then {@code WAIT} until the running replicas applied it (at most 2 s). */
    @Override
    public void flushAll() {
        Replication.flushAndWait(primary, replicas);
    }
}
