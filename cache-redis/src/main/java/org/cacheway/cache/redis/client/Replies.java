package org.cacheway.cache.redis.client;

import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/** Helpers shared by the clients that fan commands out: awaiting a combined reply, batched deletes of scanned keys. */
final class Replies {
    private Replies() {
    }

    /**
     * Waits for {@code reply} on behalf of a synchronous primitive: every command already has its
     * own {@code SOCKET_TIMEOUT}, so {@code timeout} plus 5 s only guards a lost completion.
     */
    static <T> T await(CompletableFuture<T> reply, Duration timeout, LettuceErrors errors, String operation) {
        Duration limit = timeout.plusSeconds(5);
        try {
            return reply.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw errors.translate(e.getCause(), operation, null);
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw errors.translate(new RedisCommandTimeoutException("no reply after " + limit), operation, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw errors.translate(new RedisCommandInterruptedException(e), operation, null);
        }
    }

    /** Deletes the scanned {@code keys} in batches of {@code count}; the number deleted. */
    static long deleteInBatches(Iterator<String> keys, int count, ToLongFunction<List<String>> delete) {
        List<String> batch = new ArrayList<>(count);
        long deleted = 0;
        while (keys.hasNext()) {
            batch.add(keys.next());
            if (batch.size() >= count || !keys.hasNext()) {
                deleted += delete.applyAsLong(batch);
                batch.clear();
            }
        }
        return deleted;
    }
}
