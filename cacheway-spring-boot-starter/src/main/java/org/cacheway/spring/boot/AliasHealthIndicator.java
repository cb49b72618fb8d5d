package org.cacheway.spring.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheHealth;
import org.cacheway.cache.Caches;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * One alias's health from {@code Cache.health()}: up when every node it uses answered its
 * {@code PING}; the details list each node with its latency in milliseconds and its error.
 */
final class AliasHealthIndicator implements HealthIndicator {
    private final Caches caches;
    private final String alias;

    AliasHealthIndicator(Caches caches, String alias) {
        this.caches = caches;
        this.alias = alias;
    }

    @Override
    public Health health() {
        CacheHealth health = caches.get(alias).health();
        List<Map<String, Object>> nodes = health.nodes().stream().map(AliasHealthIndicator::node).toList();
        return (health.up() ? Health.up() : Health.down()).withDetail("nodes", nodes).build();
    }

    private static Map<String, Object> node(CacheHealth.NodeHealth node) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", node.name());
        details.put("up", node.up());
        details.put("latencyMillis", node.latency().toNanos() / 1_000_000.0);
        if (node.error() != null) {
            details.put("error", node.error());
        }
        return details;
    }
}
