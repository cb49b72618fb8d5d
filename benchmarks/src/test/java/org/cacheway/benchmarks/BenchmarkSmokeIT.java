package org.cacheway.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The build runs every workload once, briefly, so that the benchmarks always compile and run. */
class BenchmarkSmokeIT {

    @Test
    void smokeRunReportsEveryWorkloadWithSaneNumbers() throws Exception {
        Path dir = BenchmarkRunner.outputDir().resolve("smoke");

        Report report = BenchmarkRunner.run(RunMode.SMOKE, Workload.all(), dir);

        assertThat(report.rows()).hasSize(Workload.all().size());
        for (Row row : report.rows()) {
            assertThat(row.cacheway()).as(row.workload().label()).isNotNull();
            assertThat(row.raw()).as(row.workload().label()).isNotNull();
            for (Measurement m : new Measurement[] {row.cacheway(), row.raw()}) {
                assertThat(m.opsPerSecond()).as(row.workload().label()).isBetween(10.0, 10_000_000.0);
                assertThat(m.p50Micros()).as(row.workload().label()).isPositive().isLessThanOrEqualTo(m.p99Micros());
                assertThat(m.bytesPerOp()).as(row.workload().label()).isPositive();
            }
        }
        assertThat(report.table()).contains("W1 ", "W2 ", "W3 ", "W3 keys/s", "W4 ", "W5 ", "W6 ");
        assertThat(report.roundTrips()).containsEntry("W1 get", 1.0).containsEntry("W3 getMany", 1.0);
        assertThat(report.stampedes()).hasSize(4);
        assertThat(report.stampedes().get(0).maxComputations()).isEqualTo(1);
        assertThat(report.checks()).isNotEmpty();
        assertThat(Files.readString(dir.resolve("results.md"))).contains("| W7 stampede");
        assertThat(Files.readString(dir.resolve("results.json"))).contains("\"rows\"", "\"targets\"");
    }
}
