package org.cacheway.benchmarks;

import java.util.EnumSet;
import java.util.Map;

/**
 * A workload with every side's measurements.
 *
 * @param workload the workload
 * @param cacheway Cacheway's side
 * @param raw raw Lettuce's side
 * @param peers the measured peers' sides (empty when the run measured none)
 */
public record Row(Workload workload, Measurement cacheway, Measurement raw, Map<Peer, Measurement> peers) {

    /** Cacheway's throughput over raw Lettuce's. */
    public double ratio() {
        return cacheway.opsPerSecond() / raw.opsPerSecond();
    }

    /** {@code peer}'s throughput over raw Lettuce's. */
    public double ratio(Peer peer) {
        return peers.get(peer).opsPerSecond() / raw.opsPerSecond();
    }

    /** Whether every peer was measured on this row. */
    public boolean peersMeasured() {
        return peers.keySet().containsAll(EnumSet.allOf(Peer.class));
    }
}
