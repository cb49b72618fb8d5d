package org.cacheway.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Replication helpers shared by the replicated and sentinel topologies. */
final class Replication {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final String READY_KEY = "test-support:replication-check";

    private Replication() {
    }

    /**
     * Waits until every replica reports {@code master_link_status:up} towards {@code primary}, then confirms
     * with a write and {@code WAIT} that the replication stream really flows to all of them.
     */
    static void awaitLinksUp(RedisNode primary, List<RedisNode> replicas, Supplier<String> diagnostics) {
        Await.until("the " + replicas.size() + " replicas of " + primary + " report master_link_status:up",
                READY_TIMEOUT, () -> {
                    for (RedisNode replica : replicas) {
                        Map<String, String> info = replica.info("replication");
                        if (!"up".equals(info.get("master_link_status"))
                                || !String.valueOf(primary.port()).equals(info.get("master_port"))) {
                            return false;
                        }
                    }
                    return true;
                }, diagnostics);
        Await.until("the " + replicas.size() + " replicas of " + primary + " acknowledge a write", READY_TIMEOUT,
                () -> {
                    try (RespClient client = primary.connect()) {
                        client.call("SET", READY_KEY, "1");
                        client.call("DEL", READY_KEY);
                        return (Long) client.call("WAIT", replicas.size(), 2000) >= replicas.size();
                    }
                }, diagnostics);
    }

    /**
     * {@code FLUSHALL} on {@code primary}, then {@code WAIT} on the same connection (at most 2 s) until its
     * running replicas applied it.
     */
    static void flushAndWait(RedisNode primary, List<RedisNode> replicas) {
        long running = replicas.stream().filter(RedisNode::isRunning).count();
        try (RespClient client = primary.connect()) {
            client.call("FLUSHALL");
            if (running > 0) {
                client.call("WAIT", running, 2000);
            }
        }
    }
}
