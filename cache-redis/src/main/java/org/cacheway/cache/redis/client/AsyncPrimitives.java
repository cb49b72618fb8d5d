package org.cacheway.cache.redis.client;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.Futures;
import org.cacheway.cache.redis.SetMode;

/**
 * The primitives of {@link NodeClient} that take more than one command on the asynchronous API:
 * pipelined {@code setMany} (every {@code SET} dispatched on the shared connection, then all
 * awaited: one round trip) and the scripted counters and persist.
 */
final class AsyncPrimitives {
    private final NodeRouter router;
    private final LettuceErrors errors;

    AsyncPrimitives(NodeRouter router) {
        this.router = router;
        this.errors = router.errors();
    }

    /** Dispatches one {@code SET [PX]} per entry on the primary; the futures in entry order. */
    Map<String, CompletableFuture<String>> dispatchSetMany(Map<String, byte[]> entries, Timeout timeout) {
        RedisAsyncCommands<String, byte[]> commands = router.primary().async();
        SetArgs args = NodeClient.setArgs(timeout, SetMode.ALWAYS);
        Map<String, CompletableFuture<String>> replies = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            replies.put(entry.getKey(), commands.set(entry.getKey(), entry.getValue(), args).toCompletableFuture());
        }
        return replies;
    }

    /**
     * Awaits pipelined replies; returns the keys Redis refused. A connection failure or timeout
     * fails the whole call.
     */
    List<String> awaitSetMany(Map<String, CompletableFuture<String>> replies, Duration timeout) {
        CompletableFuture<Void> all = CompletableFuture.allOf(replies.values().toArray(new CompletableFuture<?>[0]));
        try {
            all.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.translate(new io.lettuce.core.RedisCommandInterruptedException(e), "setMany", null);
        } catch (TimeoutException e) {
            replies.values().forEach(reply -> reply.cancel(false));
            throw errors.translate(new RedisCommandTimeoutException("Command timed out after " + timeout), "setMany",
                    null);
        } catch (ExecutionException e) {
            // per-key outcomes are read below
        }
        return refused(replies);
    }

    private List<String> refused(Map<String, CompletableFuture<String>> replies) {
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<String>> reply : replies.entrySet()) {
            if (reply.getValue().isCompletedExceptionally()) {
                Throwable error = reply.getValue().handle((ok, e) -> e).join();
                if (!(Futures.unwrap(error) instanceof RedisCommandExecutionException)) {
                    throw errors.translate(error, "setMany", reply.getKey());
                }
                failed.add(reply.getKey());
            }
        }
        return failed;
    }

    /** Pipelined {@code setMany} on the asynchronous face. */
    CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        Map<String, CompletableFuture<String>> replies;
        try {
            replies = dispatchSetMany(entries, timeout);
        } catch (RuntimeException e) {
            return errors.failed(e, "setMany", null);
        }
        return CompletableFuture.allOf(replies.values().toArray(new CompletableFuture<?>[0]))
                .handle((ok, error) -> refused(replies));
    }

    /** The scripted {@code incr} of an existing key. */
    CompletableFuture<Long> incrExisting(String key, long delta) {
        return valueErrors(() -> Script.INCR_EXISTING.runAsync(router.primary().async(), ScriptOutputType.INTEGER,
                new String[] {key}, NodeClient.digits(delta)), key);
    }

    /** {@code INCRBY} that creates the key. */
    CompletableFuture<Long> incrCreating(String key, long delta) {
        return valueErrors(() -> router.primary().async().incrby(key, delta).toCompletableFuture(), key);
    }

    /** The scripted {@code PERSIST} of an existing key; whether it existed. */
    CompletableFuture<Boolean> persistExisting(String key) {
        CompletableFuture<Long> existed;
        try {
            existed = Script.PERSIST_EXISTING.runAsync(router.primary().async(), ScriptOutputType.INTEGER,
                    new String[] {key});
        } catch (RuntimeException e) {
            return errors.failed(e, "touch", key);
        }
        return errors.async(existed, "touch", key).thenApply(count -> count != null && count == 1L);
    }

    private CompletableFuture<Long> valueErrors(java.util.function.Supplier<CompletableFuture<Long>> command,
            String key) {
        CompletableFuture<Long> dispatched;
        try {
            dispatched = command.get();
        } catch (RuntimeException e) {
            return errors.failed(e, "incr", key);
        }
        return dispatched.handle((value, error) -> {
            if (error != null) {
                throw errors.translateValue(error, "incr", key);
            }
            return value;
        });
    }
}
