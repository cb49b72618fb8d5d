package org.cacheway.cache.base;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lets one computation per key run at a time within a process: the first caller (the leader) runs
 * it, concurrent callers (followers) share its outcome, each then applying its own follow-up. Used
 * by {@code getOrSet} so that a stampede on a missing key computes it once.
 */
final class SingleFlight {
    private final ConcurrentHashMap<String, CompletableFuture<Object>> flights = new ConcurrentHashMap<>();

    /**
     * Runs {@code leader} unless a flight for {@code key} is under way; then the result is that
     * flight's, passed through {@code follower} (which may run on any thread).
     */
    CompletableFuture<Object> run(String key, Supplier<CompletableFuture<Object>> leader,
            Function<Object, CompletableFuture<Object>> follower) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> existing = flights.putIfAbsent(key, mine);
        if (existing != null) {
            return existing.thenCompose(follower);
        }
        Stages.guard(leader).whenComplete((result, error) -> {
            flights.remove(key, mine);
            if (error != null) {
                mine.completeExceptionally(Stages.unwrap(error));
            } else {
                mine.complete(result);
            }
        });
        return mine.copy();
    }
}
