package org.cacheway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build runs every workload once, briefly, peers included, so that the benchmarks always compile and run. */
class BenchmarkSmokeIT {

    @Test
    void smokeRunReportsEveryWorkloadWithSaneNumbers() throws Exception {
        Path dir = BenchmarkRunner.outputDir().resolve("smoke");
        // JMH takes a machine-wide lock (/tmp/jmh.lock) against concurrent measurements; the smoke
        // run measures nothing, so a benchmark running elsewhere on the machine must not fail it
        System.setProperty("jmh.ignoreLock", "true");

        Report report = BenchmarkRunner.run(RunMode.SMOKE, Workload.all(), BenchmarkRunner.NEAR_CACHE_WORKLOADS, true,
                dir);

        assertThat(report.rows()).hasSize(Workload.all().size());
        for (Row row : report.rows()) {
            List<Measurement> sides = new ArrayList<>(List.of(row.cacheway(), row.raw()));
            assertThat(row.peers().keySet()).as(row.workload().label()).isEqualTo(row.workload().peers().keySet());
            sides.addAll(row.peers().values());
            for (Measurement m : sides) {
                assertThat(m).as(row.workload().label()).isNotNull();
                // a number, not a speed: one 100 ms iteration on a shared 2-core machine may finish only a
                // few operations (speed is the full run's business, never a test's)
                assertThat(m.opsPerSecond()).as(row.workload().label()).isGreaterThan(0.0).isLessThan(10_000_000.0);
                assertThat(m.p50Micros()).as(row.workload().label()).isPositive().isLessThanOrEqualTo(m.p99Micros());
                assertThat(m.bytesPerOp()).as(row.workload().label()).isPositive();
            }
        }
        assertThat(report.table()).contains("W1 ", "W2 ", "W3 ", "W3 keys/s", "W4 ", "W5 ", "W6 ");
        assertThat(report.peerTable()).contains("Spring: RedisCache.get", "Redisson: RMap");
        assertThat(report.nearCache().rows()).extracting(NearCacheSuite.NearRow::id).containsExactly("W1", "W4");
        for (NearCacheSuite.NearRow row : report.nearCache().rows()) {
            for (Measurement m : List.of(row.near(), row.raw(), row.jedis())) {
                assertThat(m.opsPerSecond()).as(row.label()).isBetween(10.0, 100_000_000.0);
            }
        }
        assertThat(report.nearCache().staleness()).extracting(Staleness.Result::side).containsExactly(
                "Cacheway NEAR_CACHE (default client)", "raw Lettuce GET (no local copy)", "Redisson RLocalCachedMap");
        assertThat(report.nearCache().staleness()).allSatisfy(result -> {
            assertThat(result.readsPerSecond()).isPositive();
            assertThat(result.writes()).isPositive();
        });
        assertThat(report.roundTrips()).containsEntry("W1 get", 1.0).containsEntry("W3 getMany", 1.0)
                .containsEntry("W3 Spring, 100 x RedisCache.get", 100.0)
                .containsEntry("W3 Redisson, RBuckets.get", 1.0);
        assertThat(report.stampedes()).hasSize(7);
        assertThat(report.stampedes().get(0).maxComputations()).isEqualTo(1);
        assertThat(report.checks()).extracting(Check::target)
                .contains("W1: ahead of Spring Data Redis and Redisson (measured)",
                        "W6 session cycle, hash store (16 threads): at least 2.5x Spring Session (measured)",
                        "W7: ahead of Spring Data Redis and Redisson (measured)");
        assertThat(Files.readString(dir.resolve("results.md"))).contains("| W7 stampede", "| peer: what it calls",
                "| workload with NEAR_CACHE", "| W8 read-mostly");
        assertThat(Files.readString(dir.resolve("results.json"))).contains("\"rows\"", "\"targets\"", "\"peers\"");
    }
}
