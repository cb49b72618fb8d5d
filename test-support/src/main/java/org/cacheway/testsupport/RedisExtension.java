package org.cacheway.testsupport;

import java.util.function.BiFunction;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that starts a topology once per test class and stops it after the class; register it on a
 * {@code static} field with {@code @RegisterExtension}. When a test failed, the servers' logs are kept in
 * {@code target/redis-logs/<TestClass>/}; otherwise all server files are deleted.
 *
 * @param <T> the topology type, e.g. {@link RedisStandalone}
 */
public final class RedisExtension<T extends RedisTopology>
        implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final String kind;
    private final BiFunction<String, String, T> factory;
    private volatile T topology;
    private volatile String owner;
    private volatile boolean failed;

    private RedisExtension(String kind, BiFunction<String, String, T> factory) {
        this.kind = kind;
        this.factory = factory;
    }

    /** A standalone server per test class (or the REDIS_URL server). */
    public static RedisExtension<RedisStandalone> standalone() {
        return new RedisExtension<>("standalone", (label, kind) -> RedisStandalone.start(label));
    }

    /** A primary with {@value RedisTopologies#DEFAULT_REPLICAS} replicas per test class. */
    public static RedisExtension<RedisReplicated> replicated() {
        return replicated(RedisTopologies.DEFAULT_REPLICAS);
    }

    /** A primary with {@code replicas} replicas per test class. */
    public static RedisExtension<RedisReplicated> replicated(int replicas) {
        return new RedisExtension<>("replicated", (label, kind) -> RedisReplicated.start(label, replicas));
    }

    /** Three sentinels over a primary and two replicas per test class. */
    public static RedisExtension<RedisSentinelGroup> sentinel() {
        return new RedisExtension<>("sentinel", (label, kind) -> RedisSentinelGroup.start(label));
    }

    /** A three-primary, three-replica Redis Cluster per test class. */
    public static RedisExtension<RedisCluster> cluster() {
        return new RedisExtension<>("cluster", (label, kind) -> RedisCluster.start(label));
    }

    /** The running topology; only valid between beforeAll and afterAll. */
    public T get() {
        T current = topology;
        if (current == null) {
            throw new IllegalStateException("test-support: the " + kind + " topology is not running; register "
                    + "RedisExtension on a static field with @RegisterExtension and use it inside tests");
        }
        return current;
    }

    /** Starts the topology for the test class (once; {@code @Nested} classes reuse it). */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (topology != null) {
            return; // a @Nested class of the class that started it
        }
        failed = false;
        owner = context.getUniqueId();
        topology = factory.apply(context.getRequiredTestClass().getSimpleName() + "-" + kind, kind);
    }

    /** Remembers whether the test failed, so the logs are kept. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            failed = true;
        }
    }

    /** Stops the topology, keeping its logs under {@code target/redis-logs/<TestClass>/} if anything failed. */
    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            failed = true;
        }
        T current = topology;
        if (current == null || !context.getUniqueId().equals(owner)) {
            return;
        }
        topology = null;
        if (failed) {
            current.retainLogsIn(RunDirectory.logRoot().resolve(context.getRequiredTestClass().getSimpleName())
                    .resolve(kind));
        }
        current.close();
    }
}
