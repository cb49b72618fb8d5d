package org.cacheway.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One line of {@code CLUSTER NODES}: id, address, flags, master id and whether it serves slots. */
final class ClusterNodeInfo {

    final String id;
    final String host;
    final int port;
    final Set<String> flags;
    final String masterId;
    final boolean connected;
    final boolean hasSlots;

    private ClusterNodeInfo(String id, String host, int port, Set<String> flags, String masterId, boolean connected,
            boolean hasSlots) {
        this.id = id;
        this.host = host;
        this.port = port;
        this.flags = flags;
        this.masterId = masterId;
        this.connected = connected;
        this.hasSlots = hasSlots;
    }

    /** Parses the whole {@code CLUSTER NODES} reply. */
    static List<ClusterNodeInfo> parse(String reply) {
        List<ClusterNodeInfo> nodes = new ArrayList<>();
        for (String line : reply.split("\r?\n")) {
            if (!line.isBlank()) {
                nodes.add(parseLine(line.trim()));
            }
        }
        return nodes;
    }

    static ClusterNodeInfo parseLine(String line) {
        String[] fields = line.split(" ");
        if (fields.length < 8) {
            throw new IllegalArgumentException("not a CLUSTER NODES line: " + line);
        }
        String address = fields[1];
        int at = address.indexOf('@');
        String hostPort = at >= 0 ? address.substring(0, at) : address.split(",")[0];
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        return new ClusterNodeInfo(fields[0], host, port, Set.of(fields[2].split(",")),
                "-".equals(fields[3]) ? null : fields[3], "connected".equals(fields[7]), fields.length > 8);
    }

    /** A master that is neither failed nor suspected of failure. */
    boolean isHealthyPrimary() {
        return flags.contains("master") && isHealthy();
    }

    /** A replica that is neither failed nor suspected of failure. */
    boolean isHealthyReplica() {
        return flags.contains("slave") && isHealthy();
    }

    private boolean isHealthy() {
        return !flags.contains("fail") && !flags.contains("fail?") && !flags.contains("handshake")
                && !flags.contains("noaddr");
    }
}
