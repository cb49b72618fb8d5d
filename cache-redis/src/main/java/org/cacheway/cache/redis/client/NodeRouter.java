package org.cacheway.cache.redis.client;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * Runs commands on a primary and its read replicas with Lettuce errors translated: writes on the
 * primary; reads round-robin over the replicas, falling back to the primary when the chosen
 * replica fails (django-redis picks a random replica and does not fall back). Commands are passed
 * as non-capturing functions of the commands and one argument, so the hot path allocates nothing
 * of its own.
 */
public final class NodeRouter {
    private final Node primary;
    private final List<Node> replicas;
    private final LettuceErrors errors;
    private final AtomicInteger next = new AtomicInteger();

    /** A router over {@code primary} and {@code replicas} (possibly none). */
    public NodeRouter(Node primary, List<Node> replicas, LettuceErrors errors) {
        this.primary = Objects.requireNonNull(primary, "primary");
        this.replicas = List.copyOf(replicas);
        this.errors = errors;
    }

    /** The primary. */
    public Node primary() {
        return primary;
    }

    /** The read replicas, possibly none. */
    public List<Node> replicas() {
        return replicas;
    }

    /** The error translations. */
    public LettuceErrors errors() {
        return errors;
    }

    /** The node the next read goes to: a replica in turn, or the primary when there is none. */
    public Node reader() {
        int count = replicas.size();
        if (count == 0) {
            return primary;
        }
        return count == 1 ? replicas.get(0) : replicas.get(Math.floorMod(next.getAndIncrement(), count));
    }

    /** Runs a write on the primary. */
    public <A, T> T write(String operation, String key, A argument,
            BiFunction<RedisCommands<String, byte[]>, A, T> command) {
        try {
            return command.apply(primary.sync(), argument);
        } catch (RuntimeException e) {
            throw errors.translate(e, operation, key);
        }
    }

    /** Runs a read on a replica, or on the primary when there is none or the replica failed. */
    public <A, T> T read(String operation, String key, A argument,
            BiFunction<RedisCommands<String, byte[]>, A, T> command) {
        Node node = reader();
        try {
            return command.apply(node.sync(), argument);
        } catch (RedisException e) {
            if (node == primary) {
                throw errors.translate(e, operation, key);
            }
        } catch (RuntimeException e) {
            throw errors.translate(e, operation, key);
        }
        return write(operation, key, argument, command);
    }

    /** Dispatches a write on the primary. */
    public <A, T> CompletableFuture<T> writeAsync(String operation, String key, A argument,
            BiFunction<RedisAsyncCommands<String, byte[]>, A, RedisFuture<T>> command) {
        return errors.async(dispatch(primary, argument, command), operation, key);
    }

    /** Dispatches a read on a replica, retried on the primary when the replica fails. */
    public <A, T> CompletableFuture<T> readAsync(String operation, String key, A argument,
            BiFunction<RedisAsyncCommands<String, byte[]>, A, RedisFuture<T>> command) {
        Node node = reader();
        CompletableFuture<T> first = dispatch(node, argument, command);
        if (node == primary) {
            return errors.async(first, operation, key);
        }
        CompletableFuture<T> retried = first
                .handle((value, error) -> error == null ? first : dispatch(primary, argument, command))
                .thenCompose(future -> future);
        return errors.async(retried, operation, key);
    }

    private static <A, T> CompletableFuture<T> dispatch(Node node, A argument,
            BiFunction<RedisAsyncCommands<String, byte[]>, A, RedisFuture<T>> command) {
        try {
            return command.apply(node.async(), argument).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Closes every node's connection; the next command reconnects. */
    public void disconnectAll() {
        primary.disconnect();
        replicas.forEach(Node::disconnect);
    }
}
