package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReplicatedIT {

    @RegisterExtension
    static final RedisExtension<RedisReplicated> redis = RedisExtension.replicated();

    @Test
    void replicasReceiveAWrite() {
        RedisReplicated topology = redis.get();
        assertThat(topology.replicas()).hasSize(2);
        assertThat(topology.nodes()).hasSize(3);
        assertThat(topology.primary().role()).isEqualTo("master");

        try (RespClient client = topology.primary().connect()) {
            client.call("SET", "replicated-key", "v1");
            assertThat(client.call("WAIT", 2, 5000)).as("WAIT counts the writes of its own connection")
                    .isEqualTo(2L);
        }
        for (RedisNode replica : topology.replicas()) {
            assertThat(replica.role()).isEqualTo("slave");
            assertThat(replica.info("replication")).containsEntry("master_link_status", "up");
            assertThat(replica.call("GET", "replicated-key")).isEqualTo("v1");
        }

        topology.flushAll();
        for (RedisNode replica : topology.replicas()) {
            assertThat(replica.call("DBSIZE")).isEqualTo(0L);
        }
    }
}
