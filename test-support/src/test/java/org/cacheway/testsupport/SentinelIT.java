package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SentinelIT {

    @RegisterExtension
    static final RedisExtension<RedisSentinelGroup> redis = RedisExtension.sentinel();

    @Test
    void sentinelsPromoteAReplicaWhenThePrimaryIsKilled() {
        RedisSentinelGroup group = redis.get();
        assertThat(group.masterName()).isEqualTo("mymaster");
        assertThat(group.sentinels()).hasSize(3).allMatch(RedisNode::isSentinel);
        assertThat(group.sentinelUri(0)).startsWith("redis-sentinel://127.0.0.1:").endsWith("/0#mymaster");

        RedisNode primary = group.primary();
        assertThat(primary).isSameAs(group.dataNodes().get(0));
        assertThat(group.replicas()).hasSize(2);
        InetSocketAddress before = group.primaryAddress();
        assertThat(before.getPort()).isEqualTo(primary.port());
        for (RedisNode sentinel : group.sentinels()) {
            assertThat(sentinel.role()).isEqualTo("sentinel");
        }

        primary.kill();
        RedisNode promoted = group.awaitFailover(primary, Duration.ofSeconds(30));

        assertThat(promoted).isNotSameAs(primary);
        assertThat(group.primaryAddress().getPort()).isNotEqualTo(before.getPort()).isEqualTo(promoted.port());
        assertThat(promoted.call("SET", "after-failover", "yes")).isEqualTo("OK");

        primary.restart();
        assertThat(primary.call("PING")).isEqualTo("PONG");
    }
}
