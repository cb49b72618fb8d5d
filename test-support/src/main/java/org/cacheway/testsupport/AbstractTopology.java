package org.cacheway.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shared plumbing of the topologies: node creation, log retention, shutdown and diagnostics. */
abstract class AbstractTopology implements RedisTopology {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractTopology.class);

    private final String label;
    private final RedisSource source;
    private final Launcher launcher;
    private final Path directory;
    private final List<RedisNode> nodes = new CopyOnWriteArrayList<>();
    private volatile Path retainLogsIn;
    private boolean closed;

    AbstractTopology(String label, RedisSource source) {
        this.label = label;
        this.source = source;
        this.launcher = source == RedisSource.URL ? null : Sources.launcher(source);
        this.directory = source == RedisSource.URL ? null : RunDirectory.create(label);
    }

    /** Runs {@code setup}; on failure stops what was started, keeps the files and rethrows with their location. */
    static <T extends AbstractTopology> T launch(T topology, Consumer<T> setup) {
        long started = System.nanoTime();
        try {
            setup.accept(topology);
            AbstractTopology base = topology;
            LOG.info("test-support: {} topology ready in {} ms ({} node(s) from {})", base.label,
                    (System.nanoTime() - started) / 1_000_000, base.nodes.size(), base.source);
            return topology;
        } catch (RuntimeException | Error e) {
            AbstractTopology base = topology;
            base.stopAll();
            throw new IllegalStateException("test-support: starting the " + base.label + " topology failed"
                    + (base.directory == null ? "" : "; server files are kept in " + base.directory)
                    + ": " + e.getMessage(), e);
        }
    }

    /** Creates, starts and registers a node named {@code name}. */
    final RedisNode startNode(String name, boolean sentinel, boolean clusterBus, ConfigRenderer config) {
        Path nodeDir = directory.resolve(name);
        RedisNode node = RedisNode.managed(name, nodeDir, launcher, sentinel, clusterBus,
                port -> config.render(port, nodeDir));
        nodes.add(node);
        node.start();
        return node;
    }

    /** Registers an already created node (the REDIS_URL server) and checks that it answers. */
    final RedisNode addExternal(RedisNode node) {
        nodes.add(node);
        node.start();
        return node;
    }

    /** Renders a node's config file for its port and directory. */
    @FunctionalInterface
    interface ConfigRenderer {
        String render(int port, Path directory);
    }

    @Override
    public List<RedisNode> nodes() {
        return Collections.unmodifiableList(new ArrayList<>(nodes));
    }

    @Override
    public RedisSource source() {
        return source;
    }

    @Override
    public void retainLogsIn(Path directory) {
        this.retainLogsIn = directory;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll();
        if (directory != null) {
            Path target = retainLogsIn;
            if (target != null) {
                RunDirectory.copyLogs(directory, target);
                LOG.info("test-support: kept the logs of the {} topology in {}", label, target);
            }
            RunDirectory.delete(directory);
        }
    }

    /** The log tails of every node, for failure messages. */
    final String diagnostics() {
        return nodes.stream().map(node -> node + ":\n" + node.logTail()).collect(Collectors.joining("\n"));
    }

    /** The first node of {@code candidates} that is running and answers PING. */
    static RedisNode firstAnswering(List<RedisNode> candidates) {
        for (RedisNode node : candidates) {
            try {
                if (node.isRunning() && "PONG".equals(node.call("PING"))) {
                    return node;
                }
            } catch (RuntimeException e) {
                // try the next one
            }
        }
        throw new IllegalStateException("test-support: none of " + candidates + " answers PING");
    }

    private void stopAll() {
        List<RedisNode> reversed = new ArrayList<>(nodes);
        Collections.reverse(reversed);
        for (RedisNode node : reversed) {
            try {
                node.stop();
            } catch (RuntimeException e) {
                LOG.warn("test-support: could not stop {}: {}", node, e.toString());
            }
        }
    }
}
