package org.cacheway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClusterIT {

    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    @Test
    void clusterIsOkAndAReplicaTakesOverAKilledPrimary() throws InterruptedException {
        RedisCluster cluster = redis.get();
        assertThat(cluster.nodes()).hasSize(6);
        for (RedisNode node : cluster.nodes()) {
            assertThat((String) node.call("CLUSTER", "INFO")).contains("cluster_state:ok");
        }
        List<RedisNode> primaries = cluster.primaries();
        assertThat(primaries).hasSize(3);
        assertThat(cluster.replicas()).hasSize(3).doesNotContainAnyElementsOf(primaries);
        assertThat(cluster.uris()).hasSize(6).allMatch(uri -> uri.startsWith("redis://127.0.0.1:"));

        String key = "cluster-key";
        long slot = (Long) primaries.get(0).call("CLUSTER", "KEYSLOT", key);
        RedisNode owner = primaries.stream()
                .filter(node -> ((String) node.call("CLUSTER", "NODES")).lines()
                        .filter(line -> line.contains("myself")).anyMatch(line -> servesSlot(line, slot)))
                .findFirst().orElseThrow();
        assertThat(owner.call("SET", key, "v")).isEqualTo("OK");

        RedisNode victim = primaries.get(0);
        List<RedisNode> replicas = cluster.replicasOf(victim);
        assertThat(replicas).hasSize(1);
        RedisNode heir = replicas.get(0);

        victim.kill();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!cluster.isPrimary(heir) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(cluster.isPrimary(heir)).as("%s promoted after %s was killed", heir, victim).isTrue();
        cluster.awaitHealthy(Duration.ofSeconds(30));
        assertThat(cluster.primaries()).hasSize(3).contains(heir).doesNotContain(victim);

        cluster.flushAll();
        for (RedisNode primary : cluster.primaries()) {
            assertThat(primary.call("DBSIZE")).isEqualTo(0L);
        }
    }

    private static boolean servesSlot(String line, long slot) {
        String[] fields = line.split(" ");
        for (int i = 8; i < fields.length; i++) {
            String[] range = fields[i].split("-");
            long from = Long.parseLong(range[0]);
            long to = range.length > 1 ? Long.parseLong(range[1]) : from;
            if (slot >= from && slot <= to) {
                return true;
            }
        }
        return false;
    }
}
