package org.cacheway.testsupport;

import java.nio.file.Path;

/** Renders the config files of data nodes, replicas, cluster nodes and sentinels. */
final class NodeConfig {

    /** Cluster node timeout: small, so cluster failover tests finish in seconds. */
    static final int CLUSTER_NODE_TIMEOUT_MILLIS = 2000;
    /** Sentinel's down-after-milliseconds: small, so sentinel failover tests finish in seconds. */
    static final int SENTINEL_DOWN_AFTER_MILLIS = 1000;
    /** Sentinel's failover-timeout. */
    static final int SENTINEL_FAILOVER_TIMEOUT_MILLIS = 5000;

    private NodeConfig() {
    }

    /**
     * A standalone data node: loopback only, no persistence, log and files in {@code dir}; DEBUG
     * accepted from loopback clients (Redis 7 refuses it by default), for tests that need
     * {@code DEBUG RELOAD} or {@code DEBUG SLEEP}.
     */
    static String server(int port, Path dir) {
        return common(port, dir)
                + "enable-debug-command local\n"
                + "save \"\"\n"
                + "appendonly no\n"
                + "repl-diskless-sync yes\n"
                + "repl-diskless-sync-delay 0\n";
    }

    /** A data node replicating from {@code primary}. */
    static String replica(int port, Path dir, RedisNode primary) {
        return server(port, dir) + "replicaof " + primary.host() + " " + primary.port() + "\n";
    }

    /** A cluster-enabled data node with a short node timeout; nodes.conf lives in {@code dir}. */
    static String clusterNode(int port, Path dir) {
        return server(port, dir)
                + "cluster-enabled yes\n"
                + "cluster-config-file nodes.conf\n"
                + "cluster-node-timeout " + CLUSTER_NODE_TIMEOUT_MILLIS + "\n"
                + "cluster-replica-validity-factor 0\n";
    }

    /** A sentinel watching {@code primary} as {@code masterName} with the given quorum and short timeouts. */
    static String sentinel(int port, Path dir, String masterName, RedisNode primary, int quorum) {
        return common(port, dir)
                + "sentinel monitor " + masterName + " " + primary.host() + " " + primary.port() + " " + quorum + "\n"
                + "sentinel down-after-milliseconds " + masterName + " " + SENTINEL_DOWN_AFTER_MILLIS + "\n"
                + "sentinel failover-timeout " + masterName + " " + SENTINEL_FAILOVER_TIMEOUT_MILLIS + "\n"
                + "sentinel parallel-syncs " + masterName + " 1\n";
    }

    private static String common(int port, Path dir) {
        return "# written by Cacheway test-support\n"
                + "port " + port + "\n"
                + "bind 127.0.0.1\n"
                + "daemonize no\n"
                + "dir " + quote(dir.toString()) + "\n"
                + "logfile " + quote(dir.resolve("redis.log").toString()) + "\n"
                + "loglevel notice\n";
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
