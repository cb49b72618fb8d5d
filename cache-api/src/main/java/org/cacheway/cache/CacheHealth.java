package org.cacheway.cache;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Whether one alias can serve requests now, node by node: what a health endpoint shows. A backend
 * with servers checks each one it uses (Redis: a {@code PING} to every node, with its latency); an
 * in-memory backend is always up and has no nodes.
 *
 * @param alias the cache alias
 * @param nodes each server the alias uses, in the backend's order
 */
public record CacheHealth(String alias, List<NodeHealth> nodes) {

    /** A health report; the node list is copied. */
    public CacheHealth {
        Objects.requireNonNull(alias, "alias");
        nodes = List.copyOf(nodes);
    }

    /** Up when every node answered (an alias with no nodes is up). */
    public boolean up() {
        return nodes.stream().allMatch(NodeHealth::up);
    }

    /**
     * One server's answer.
     *
     * @param name the server as configured (its LOCATION entry, or what the topology calls it)
     * @param up whether it answered in time
     * @param latency how long the check took
     * @param error why it did not answer, or null when it did
     */
    public record NodeHealth(String name, boolean up, Duration latency, String error) {
    }
}
