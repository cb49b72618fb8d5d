package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The {@code WAIT}s of one transport, shared by concurrent writers: one {@code WAIT} covers every
 * write its connection sent before it, and replies come back in the order commands were sent, so a
 * write whose reply arrived while a {@code WAIT} with the same arguments is still outstanding on
 * its connection was sent before that {@code WAIT} and is covered by it. Such a writer joins the
 * outstanding {@code WAIT} instead of sending its own; a writer that finds none sends one. With 8
 * writers on one connection this sends a fraction of one {@code WAIT} per write. It also says
 * whether a {@code WAIT} is blocking a connection, so that reads can go around it.
 */
final class SharedWaits {
    /** The outstanding WAIT of each connection; guarded by {@code this}. */
    private final Map<RedisClusterAsyncCommands<String, byte[]>, Outstanding> outstanding = new HashMap<>();
    private final AtomicInteger blocking = new AtomicInteger();

    /** A WAIT sent and not answered yet, with its arguments. */
    private record Outstanding(int replicas, long timeoutMillis, CompletableFuture<Long> reply) {
    }

    /** Whether a WAIT is outstanding on any connection of the transport (it blocks that connection). */
    boolean blocking() {
        return blocking.get() > 0;
    }

    /**
     * The acknowledgements of the writes {@code connection} has answered so far: the outstanding
     * {@code WAIT replicas timeoutMillis} of the connection, or one sent now through {@code send}.
     */
    synchronized CompletableFuture<Long> await(RedisClusterAsyncCommands<String, byte[]> connection, int replicas,
            long timeoutMillis, Function<RedisClusterAsyncCommands<String, byte[]>, CompletableFuture<Long>> send) {
        Outstanding current = outstanding.get(connection);
        if (current != null && current.replicas == replicas && current.timeoutMillis == timeoutMillis) {
            return current.reply;
        }
        CompletableFuture<Long> reply = send.apply(connection);
        if (current == null && !reply.isDone()) {
            Outstanding sent = new Outstanding(replicas, timeoutMillis, reply);
            outstanding.put(connection, sent);
            blocking.incrementAndGet();
            reply.whenComplete((acknowledged, error) -> answered(connection, sent));
        }
        return reply;
    }

    private synchronized void answered(RedisClusterAsyncCommands<String, byte[]> connection, Outstanding sent) {
        if (outstanding.remove(connection, sent)) {
            blocking.decrementAndGet();
        }
    }
}
