package org.cacheway.cache.base;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lets one computation per key run at a time within a process: the first caller (the leader) runs
 * it, concurrent callers (followers) wait for its outcome. Used by {@code getOrSet} so that a
 * stampede on a missing key computes it once.
 */
public final class SingleFlight {
    private final ConcurrentHashMap<String, CompletableFuture<Object>> flights = new ConcurrentHashMap<>();

    /**
     * Runs {@code leader} unless a flight for {@code key} is under way, in which case waits for it
     * and returns {@code follower} applied to the leader's result.
     */
    public Object run(String key, Supplier<Object> leader, Function<Object, Object> follower) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = flights.putIfAbsent(key, mine);
        if (existing != null) {
            Object result;
            try {
                result = existing.join();
            } catch (RuntimeException e) {
                throw Futures.rethrow(e);
            }
            return follower.apply(result);
        }
        try {
            Object result = leader.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    /** The asynchronous twin of {@link #run}: the leader's future is shared with followers. */
    public CompletableFuture<Object> runAsync(String key, Supplier<CompletableFuture<Object>> leader,
            Function<Object, CompletableFuture<Object>> follower) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = flights.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.thenCompose(follower);
        }
        CompletableFuture<Object> started;
        try {
            started = leader.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((result, error) -> {
            flights.remove(key, mine);
            if (error != null) {
                mine.completeExceptionally(Futures.unwrap(error));
            } else {
                mine.complete(result);
            }
        });
        return mine.copy();
    }
}
