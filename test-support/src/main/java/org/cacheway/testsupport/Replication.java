package org.cacheway.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Replication helpers shared by the replicated and sentinel topologies. */
final class Replication {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private Replication() {
    }

    /** Waits until every replica reports {@code master_link_status:up} towards {@code primary}. */
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
    }

    /** {@code FLUSHALL} on {@code primary}, then {@code WAIT} (bounded) until its running replicas have it too. */
    static void flushAndWait(RedisNode primary, List<RedisNode> replicas) {
        primary.call("FLUSHALL");
        long running = replicas.stream().filter(RedisNode::isRunning).count();
        if (running > 0) {
            primary.call("WAIT", running, 2000);
        }
    }
}
