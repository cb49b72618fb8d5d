package org.cacheway.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run's results: the table of workloads (Cacheway beside raw Lettuce), the peers' table when
 * they were measured, the round-trip counts, the stampedes and the targets, as Markdown for
 * people and JSON for tools.
 *
 * @param environment when and where it ran (date, cores, load average, JVM, mode)
 * @param rows the workloads
 * @param nearCache the near cache's workloads (W1 and W4 with {@code NEAR_CACHE}, W8)
 * @param roundTrips client commands per operation, by operation
 * @param stampedes W7's outcomes
 * @param checks the targets, met or missed
 */
public record Report(Map<String, String> environment, List<Row> rows, NearCacheSuite.Results nearCache,
        Map<String, Double> roundTrips,
        List<Stampede.Result> stampedes, List<Check> checks) {

    /** The whole report as Markdown. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        environment.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        out.append('\n').append(table()).append('\n');
        if (rows.stream().anyMatch(r -> !r.peers().isEmpty())) {
            out.append(peerTable()).append('\n');
        }
        out.append(nearCache.markdown());
        out.append("| round trips per operation | commands |\n|---|---|\n");
        roundTrips.forEach((op, n) -> out.append("| ").append(op).append(" | ").append(Targets.fmt(n)).append(" |\n"));
        out.append("\n| W7 stampede (32 threads, 100 ms computation) | computations per stampede | wall median ms"
                + " | wall max ms |\n|---|---|---|---|\n");
        for (Stampede.Result s : stampedes) {
            out.append(String.format(Locale.ROOT, "| %s | %d..%d | %.1f | %.1f |%n", s.variant(),
                    s.minComputations(), s.maxComputations(), s.medianWallMillis(), s.maxWallMillis()));
        }
        out.append("\n| target | verdict | measured |\n|---|---|---|\n");
        for (Check c : checks) {
            out.append("| ").append(c.target()).append(" | ").append(c.met() ? "met" : "**missed**").append(" | ")
                    .append(c.detail()).append(" |\n");
        }
        return out.toString();
    }

    /** The workload table: ops/s both sides, ratio, latency and allocation. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("| workload | Cacheway ops/s | raw ops/s | ratio | Cacheway p50/p99 µs | raw p50/p99 µs"
                + " | Cacheway B/op | raw B/op |\n|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            Workload w = row.workload();
            String label = w.id() + " " + w.label();
            out.append(line(label, row, 1));
            if (w.keysPerCall() > 1) {
                out.append(line(w.id() + " keys/s", row, w.keysPerCall()));
            }
        }
        return out.toString();
    }

    /** The peers' sides: each beside the raw Lettuce run of the same rounds, and Cacheway's ratio to it. */
    public String peerTable() {
        StringBuilder out = new StringBuilder();
        out.append("| workload | peer: what it calls | peer ops/s | raw ops/s | peer ratio | Cacheway ratio"
                + " | peer p50/p99 µs | peer B/op |\n|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            row.workload().peers().forEach((peer, what) -> {
                Measurement m = row.peers().get(peer);
                out.append(String.format(Locale.ROOT,
                        "| %s %s | %s: %s | %,.0f | %,.0f | %.2f | %.2f | %.0f / %.0f | %,.0f |%n",
                        row.workload().id(), row.workload().label(), peer.label(), what, m.opsPerSecond(),
                        row.raw().opsPerSecond(), row.ratio(peer), row.ratio(), m.p50Micros(), m.p99Micros(),
                        m.bytesPerOp()));
            });
        }
        return out.toString();
    }

    private static String line(String label, Row row, int multiplier) {
        Measurement c = row.cacheway();
        Measurement r = row.raw();
        return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f | %.0f / %.0f | %.0f / %.0f | %,.0f | %,.0f |%n",
                label, c.opsPerSecond() * multiplier, r.opsPerSecond() * multiplier, row.ratio(), c.p50Micros(),
                c.p99Micros(), r.p50Micros(), r.p99Micros(), c.bytesPerOp(), r.bytesPerOp());
    }

    /** Writes {@code results.md} and {@code results.json} into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("results.md"), "# Cacheway benchmark results\n\n" + markdown());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", environment);
        json.put("rows", rows.stream().map(Report::rowJson).toList());
        json.put("nearCache", Map.of("rows", nearCache.rows(), "staleness", nearCache.staleness()));
        json.put("roundTrips", roundTrips);
        json.put("stampedes", stampedes.stream().map(s -> Map.of("variant", s.variant(),
                "computations", s.computations(), "wallMillis", s.wallMillis())).toList());
        json.put("targets", checks);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("results.json").toFile(),
                json);
    }

    private static Map<String, Object> rowJson(Row row) {
        Map<String, Object> json = new LinkedHashMap<>();
        Workload w = row.workload();
        json.put("id", w.id());
        json.put("workload", w.label());
        json.put("threads", w.threads());
        json.put("keysPerCall", w.keysPerCall());
        json.put("cacheway", row.cacheway());
        json.put("raw", row.raw());
        json.put("ratio", row.ratio());
        json.put("peers", row.workload().peers().keySet().stream().map(peer -> Map.of("peer", peer.label(),
                "calls", row.workload().peers().get(peer), "measurement", row.peers().get(peer),
                "ratio", row.ratio(peer))).toList());
        return json;
    }
}
