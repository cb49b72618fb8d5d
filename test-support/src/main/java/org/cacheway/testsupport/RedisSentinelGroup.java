package org.cacheway.testsupport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Three sentinels (quorum 2, down-after 1 s, failover-timeout 5 s) watching a primary named
 * {@value #MASTER_NAME} with two replicas; returned once the sentinels see the replicas and each other.
 */
public final class RedisSentinelGroup extends AbstractTopology {

    /** The master name the sentinels monitor. */
    public static final String MASTER_NAME = "mymaster";

    private static final int SENTINELS = 3;
    private static final int REPLICAS = 2;
    private static final int QUORUM = 2;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final List<RedisNode> dataNodes = new ArrayList<>();
    private final List<RedisNode> sentinels = new ArrayList<>();

    private RedisSentinelGroup(String label, RedisSource source) {
        super(label, source);
    }

    static RedisSentinelGroup start(String label) {
        RedisSource source = Sources.choose(false, "sentinel");
        return launch(new RedisSentinelGroup(label, source), topology -> {
            RedisNode primary = topology.startNode("primary", false, false, NodeConfig::server);
            topology.dataNodes.add(primary);
            for (int i = 1; i <= REPLICAS; i++) {
                topology.dataNodes.add(topology.startNode("replica-" + i, false, false,
                        (port, dir) -> NodeConfig.replica(port, dir, primary)));
            }
            Replication.awaitLinksUp(primary, topology.dataNodes.subList(1, topology.dataNodes.size()),
                    topology::diagnostics);
            for (int i = 1; i <= SENTINELS; i++) {
                topology.sentinels.add(topology.startNode("sentinel-" + i, true, false,
                        (port, dir) -> NodeConfig.sentinel(port, dir, MASTER_NAME, primary, QUORUM)));
            }
            topology.awaitSentinelsReady();
        });
    }

    /** The master name the sentinels monitor, {@value #MASTER_NAME}. */
    public String masterName() {
        return MASTER_NAME;
    }

    /** The sentinels. */
    public List<RedisNode> sentinels() {
        return Collections.unmodifiableList(sentinels);
    }

    /** The data nodes (the initial primary first, then the replicas), whatever their current role. */
    public List<RedisNode> dataNodes() {
        return Collections.unmodifiableList(dataNodes);
    }

    /** The current primary's address, as reported by the first answering sentinel. */
    public InetSocketAddress primaryAddress() {
        RedisNode sentinel = firstAnswering(sentinels);
        List<?> reply = (List<?>) sentinel.call("SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME);
        return InetSocketAddress.createUnresolved(String.valueOf(reply.get(0)),
                Integer.parseInt(String.valueOf(reply.get(1))));
    }

    /** The data node that the sentinels currently consider the primary. */
    public RedisNode primary() {
        int port = primaryAddress().getPort();
        return dataNodes.stream().filter(node -> node.port() == port).findFirst()
                .orElseThrow(() -> new IllegalStateException("test-support: the sentinels name an unknown primary "
                        + "on port " + port));
    }

    /** The data nodes other than the current {@link #primary()}. */
    public List<RedisNode> replicas() {
        RedisNode primary = primary();
        return dataNodes.stream().filter(node -> node != primary).collect(Collectors.toUnmodifiableList());
    }

    /** Waits until the sentinels name a primary other than {@code previous} that reports role master. */
    public RedisNode awaitFailover(RedisNode previous, Duration timeout) {
        RedisNode[] promoted = new RedisNode[1];
        Await.until("the sentinels promote a replica in place of " + previous, timeout, () -> {
            RedisNode current = primary();
            promoted[0] = current;
            return current != previous && "master".equals(current.role());
        }, this::diagnostics);
        return promoted[0];
    }

    /** {@code redis-sentinel://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3/db#mymaster}, the form Lettuce accepts. */
    public String sentinelUri(int db) {
        return "redis-sentinel://" + sentinels.stream().map(RedisNode::address).collect(Collectors.joining(","))
                + "/" + db + "#" + MASTER_NAME;
    }

    /** {@code FLUSHALL} on the current primary, then {@code WAIT} for its running replicas (at most 2 s). */
    @Override
    public void flushAll() {
        Replication.flushAndWait(primary(), replicas());
    }

    private void awaitSentinelsReady() {
        Await.until("each sentinel sees " + REPLICAS + " replicas, " + (SENTINELS - 1) + " other sentinels and "
                + "a reachable quorum", READY_TIMEOUT, () -> {
                    for (RedisNode sentinel : sentinels) {
                        if (healthyEntries(sentinel.call("SENTINEL", "REPLICAS", MASTER_NAME)) != REPLICAS
                                || healthyEntries(sentinel.call("SENTINEL", "SENTINELS", MASTER_NAME)) != SENTINELS - 1
                                || !String.valueOf(sentinel.call("SENTINEL", "CKQUORUM", MASTER_NAME))
                                        .startsWith("OK")) {
                            return false;
                        }
                    }
                    return true;
                }, this::diagnostics);
    }

    private static long healthyEntries(Object reply) {
        return ((List<?>) reply).stream().map(entry -> toMap((List<?>) entry))
                .filter(fields -> {
                    String flags = fields.getOrDefault("flags", "");
                    return !flags.contains("down") && !flags.contains("disconnected");
                })
                .count();
    }

    private static Map<String, String> toMap(List<?> flat) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return map;
    }
}
