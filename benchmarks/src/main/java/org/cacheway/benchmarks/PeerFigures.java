package org.cacheway.benchmarks;

/**
 * The peers' figures from BENCHMARK.md's table (k ops/s, midpoints of ranges), used only as
 * ratios to raw Lettuce measured in that same run: when a run does not measure the peers (no
 * {@code --peers}), Cacheway's ratio to raw here is compared with each peer's ratio to raw there.
 */
final class PeerFigures {
    /** Raw Lettuce: W1, W2, W3 (k keys/s), W4, W5, W6 at 1 thread, W6 at 16 threads. */
    private static final double[] RAW = {18, 18.5, 680, 60, 14, 9.6, 29.5};
    /** Spring Data Redis RedisCache (W6: Spring Session's RedisSessionRepository). */
    private static final double[] SPRING = {17, 15, 19, 61, 13, 3.5, 10.3};
    /** Redisson. */
    private static final double[] REDISSON = {16, 16, 422, 25, 10, 3.6, 7.2};

    private PeerFigures() {
    }

    /** {@code peer}'s throughput over raw Lettuce's on column {@code column}. */
    static double ratio(Peer peer, int column) {
        double[] figures = peer == Peer.SPRING ? SPRING : REDISSON;
        return figures[column] / RAW[column];
    }
}
