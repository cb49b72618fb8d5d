package org.cacheway.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Marks each target of BENCHMARK.md met or missed from one run's rows, round trips and stampedes.
 * The peer targets are judged on the peers' ratios to raw Lettuce measured in the same run when
 * the run measured them (marked measured), else on BENCHMARK.md's figures (marked estimated).
 */
final class Targets {
    private final List<Row> rows;
    private final double serializationMicros;
    private final Map<String, Double> roundTrips;
    private final List<Stampede.Result> stampedes;
    private final List<Check> checks = new ArrayList<>();

    private Targets(List<Row> rows, double serializationMicros, Map<String, Double> roundTrips,
            List<Stampede.Result> stampedes) {
        this.rows = rows;
        this.serializationMicros = serializationMicros;
        this.roundTrips = roundTrips;
        this.stampedes = stampedes;
    }

    static List<Check> evaluate(List<Row> rows, double serializationMicros, Map<String, Double> roundTrips,
            List<Stampede.Result> stampedes) {
        Targets targets = new Targets(rows, serializationMicros, roundTrips, stampedes);
        targets.throughput();
        targets.getMany();
        targets.serialization();
        targets.sessions();
        targets.stampede();
        targets.allocation();
        targets.peers();
        return targets.checks;
    }

    private void throughput() {
        for (String id : List.of("W1", "W2", "W4")) {
            Row row = row(id, 0);
            check(id + ": at least 95% of raw Lettuce's ops/s", row.ratio() >= 0.95,
                    "ratio " + pct(row.ratio()));
        }
    }

    private void getMany() {
        Row row = row("W3", 0);
        double trips = roundTrips.getOrDefault("W3 getMany", Double.NaN);
        check("W3: at least 90% of raw MGET keys/s, one round trip per call", row.ratio() >= 0.90 && trips == 1.0,
                "ratio " + pct(row.ratio()) + ", " + fmt(trips) + " round trips per call");
    }

    /** Judged on the serialization measured alone; the end-to-end difference is shown but is mostly noise. */
    private void serialization() {
        Row w5 = row("W5", 0);
        double endToEnd = w5.cacheway().microsPerOp(1) - w5.raw().microsPerOp(1);
        double w1 = row("W1", 0).cacheway().microsPerOp(1);
        check("W5: serialization adds no more than 15% over W1's time per op", serializationMicros <= 0.15 * w1,
                "encode + decode " + fmt(serializationMicros) + " µs = " + pct(serializationMicros / w1)
                        + " of W1's " + fmt(w1) + " µs per get; end to end W5 is " + pct(w5.ratio())
                        + " of raw (" + fmt(endToEnd) + " µs per set+get)");
    }

    private void sessions() {
        for (Row row : rows) {
            if (row.workload().id().equals("W6")) {
                check("W6 " + row.workload().label() + ": at least 90% of raw load-modify-save", row.ratio() >= 0.90,
                        "ratio " + pct(row.ratio()));
            }
        }
        for (String engine : List.of("cache engine", "hash store")) {
            double trips = roundTrips.getOrDefault("W6 " + engine, Double.NaN);
            check("W6 " + engine + ": one round trip to load and one to save", trips == 2.0,
                    fmt(trips) + " round trips per cycle");
        }
        for (Row row : rows) {
            if (row.workload().id().equals("W6")) {
                double needed = 2.5 * peerRatio(row, Peer.SPRING, sessionColumn(row));
                check("W6 " + row.workload().label() + ": at least 2.5x Spring Session " + basis(row),
                        row.ratio() >= needed, "ratio to raw " + pct(row.ratio()) + " vs 2.5 x Spring Session's "
                                + pct(needed / 2.5) + " = " + pct(needed));
            }
        }
    }

    private void stampede() {
        for (Stampede.Result result : stampedes) {
            if (result.variant().startsWith("Cacheway")) {
                boolean once = result.maxComputations() == 1 && result.minComputations() == 1;
                double limit = Stampede.COMPUTE_MILLIS + 20;
                String scope = result.variant().contains("processes") ? "once across processes" : "once per process";
                check("W7 " + result.variant() + ": computed " + scope + ", every thread served within 120 ms",
                        once && result.maxWallMillis() <= limit, "computations " + result.minComputations() + ".."
                                + result.maxComputations() + " per stampede, wall median "
                                + fmt(result.medianWallMillis()) + " ms, max " + fmt(result.maxWallMillis()) + " ms");
            }
        }
    }

    private void allocation() {
        for (String id : List.of("W1", "W2")) {
            Row row = row(id, 0);
            double ratio = row.cacheway().bytesPerOp() / row.raw().bytesPerOp();
            check(id + ": allocates no more than 2x raw's bytes per op", ratio <= 2.0,
                    fmt(row.cacheway().bytesPerOp()) + " vs " + fmt(row.raw().bytesPerOp()) + " B/op (" + fmt(ratio)
                            + "x)");
        }
    }

    /**
     * W1-W5 on the peers' ratios to raw measured in this run, else on BENCHMARK.md's; W6 and W7
     * only when measured (BENCHMARK.md's W6 figures serve the 2.5x Spring Session target above).
     */
    private void peers() {
        String[] ids = {"W1", "W2", "W3", "W4", "W5"};
        for (int column = 0; column < ids.length; column++) {
            ahead(ids[column], row(ids[column], 0), column);
        }
        for (Row row : rows) {
            if (row.workload().id().equals("W6") && peerRow(row).peersMeasured()) {
                ahead("W6 " + row.workload().label(), row, sessionColumn(row));
            }
        }
        stampedeAhead();
    }

    private void ahead(String name, Row row, int column) {
        double spring = peerRatio(row, Peer.SPRING, column);
        double redisson = peerRatio(row, Peer.REDISSON, column);
        check(name + ": ahead of Spring Data Redis and Redisson " + basis(row),
                row.ratio() > spring && row.ratio() > redisson, "ratio to raw " + pct(row.ratio())
                        + " vs Spring " + pct(spring) + ", Redisson " + pct(redisson));
    }

    /**
     * W7: Cacheway's in-process single-flight against every peer variant: ahead when it computes
     * fewer times per stampede, or as few and serves every thread sooner (median wall time).
     */
    private void stampedeAhead() {
        List<Stampede.Result> peerResults = stampedes.stream()
                .filter(s -> Arrays.stream(Peer.values()).anyMatch(p -> s.variant().startsWith(p.label() + " ")))
                .toList();
        if (peerResults.isEmpty()) {
            return;
        }
        Stampede.Result cacheway = stampedes.stream().filter(s -> s.variant().startsWith("Cacheway")).findFirst()
                .orElseThrow();
        StringBuilder detail = new StringBuilder(summary(cacheway));
        boolean ahead = true;
        for (Stampede.Result peer : peerResults) {
            ahead &= cacheway.maxComputations() < peer.minComputations()
                    || cacheway.maxComputations() <= peer.minComputations()
                            && cacheway.medianWallMillis() < peer.medianWallMillis();
            detail.append("; ").append(summary(peer));
        }
        check("W7: ahead of Spring Data Redis and Redisson (measured)", ahead, detail.toString());
    }

    private static String summary(Stampede.Result result) {
        return result.variant() + ": " + result.minComputations() + ".." + result.maxComputations()
                + " computations, wall median " + fmt(result.medianWallMillis()) + " ms";
    }

    /** {@code peer}'s ratio to raw for {@code row} if measured, else BENCHMARK.md's in {@code column}. */
    private double peerRatio(Row row, Peer peer, int column) {
        Row measured = peerRow(row);
        return measured.peers().containsKey(peer) ? measured.ratio(peer) : PeerFigures.ratio(peer, column);
    }

    private String basis(Row row) {
        return peerRow(row).peersMeasured() ? "(measured)" : "(estimated)";
    }

    /**
     * The row whose peer sides {@code row} is compared with: itself, or on W6 the row at the same
     * thread count that measured the peers' session cycles (each side's ratio to raw Lettuce's
     * load-modify-save of its own record shape).
     */
    private Row peerRow(Row row) {
        if (!row.workload().id().equals("W6")) {
            return row;
        }
        return rows.stream()
                .filter(r -> r.workload().id().equals("W6") && r.workload().threads() == row.workload().threads()
                        && !r.peers().isEmpty())
                .findFirst().orElse(row);
    }

    /** BENCHMARK.md's W6 column for a row's thread count. */
    private static int sessionColumn(Row row) {
        return row.workload().threads() == 1 ? 5 : 6;
    }

    private Row row(String id, int index) {
        return rows.stream().filter(r -> r.workload().id().equals(id)).skip(index).findFirst()
                .orElseThrow(() -> new IllegalStateException("no row " + id));
    }

    private void check(String target, boolean met, String detail) {
        checks.add(new Check(target, met, detail));
    }

    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
