package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cacheway.cache.contract.ContractSupport.await;
import static org.cacheway.cache.contract.ContractSupport.failureOf;
import static org.cacheway.cache.contract.ContractSupport.sleep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cacheway.cache.AsyncCache;
import org.cacheway.cache.CacheClosedException;
import org.cacheway.cache.CacheKeyException;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What only the asynchronous face promises, beyond the results {@link CacheContract} checks on
 * it through {@link AwaitingCache}: errors complete the future instead of being thrown, calls do
 * not wait for a supplier, and a supplier runs where it may block, never on a thread the store
 * needs to answer.
 */
public interface AsyncCacheContract extends CacheFixture {

    private AsyncCache async() {
        return cache().async();
    }

    /** Every operation of the asynchronous face, on a null key. */
    static Stream<Named<Function<AsyncCache, CompletableFuture<?>>>> asyncOperationsOnANullKey() {
        Map<String, Object> nullKeyed = new HashMap<>();
        nullKeyed.put(null, 1);
        List<String> withNull = Arrays.asList("a", null);
        return Stream.of(
                op("get", a -> a.get(null)),
                op("getOrDefault", a -> a.getOrDefault(null, 1)),
                op("typed get", a -> a.get(null, String.class)),
                op("set", a -> a.set(null, 1)),
                op("set with timeout", a -> a.set(null, 1, Timeout.NEVER)),
                op("add", a -> a.add(null, 1)),
                op("add with timeout", a -> a.add(null, 1, Timeout.NEVER)),
                op("replace", a -> a.replace(null, 1, Timeout.DEFAULT)),
                op("touch", a -> a.touch(null)),
                op("touch with timeout", a -> a.touch(null, Timeout.NEVER)),
                op("delete", a -> a.delete(null)),
                op("getMany", a -> a.getMany(withNull)),
                op("typed getMany", a -> a.getMany(withNull, String.class)),
                op("setMany", a -> a.setMany(nullKeyed)),
                op("setMany with timeout", a -> a.setMany(nullKeyed, Timeout.NEVER)),
                op("deleteMany", a -> a.deleteMany(withNull)),
                op("deletePattern", a -> a.deletePattern(null)),
                op("hasKey", a -> a.hasKey(null)),
                op("incr", a -> a.incr(null)),
                op("incr by delta", a -> a.incr(null, 2)),
                op("decr", a -> a.decr(null)),
                op("decr by delta", a -> a.decr(null, 2)),
                op("incrVersion", a -> a.incrVersion(null)),
                op("incrVersion by delta", a -> a.incrVersion(null, 2)),
                op("decrVersion", a -> a.decrVersion(null)),
                op("decrVersion by delta", a -> a.decrVersion(null, 2)),
                op("getOrSet", a -> a.getOrSet(null, () -> 1)),
                op("getOrSet with timeout", a -> a.getOrSet(null, () -> 1, Timeout.NEVER)),
                op("typed getOrSet", a -> a.getOrSet(null, Long.class, () -> 1L)),
                op("typed getOrSet with timeout", a -> a.getOrSet(null, Long.class, () -> 1L, Timeout.NEVER)));
    }

    private static Named<Function<AsyncCache, CompletableFuture<?>>> op(String name,
            Function<AsyncCache, CompletableFuture<?>> operation) {
        return Named.of(name, operation);
    }

    @ParameterizedTest
    @MethodSource("asyncOperationsOnANullKey")
    default void asyncNullKeyFailsTheFutureWithAKeyError(Function<AsyncCache, CompletableFuture<?>> operation) {
        CompletableFuture<?> result = operation.apply(async());
        assertThat(failureOf(result)).isInstanceOf(CacheKeyException.class);
    }

    @Test
    default void closingTheRegistryFailsAsyncOperations() {
        caches().close();
        assertThat(failureOf(async().get("key"))).isInstanceOf(CacheClosedException.class);
        assertThat(failureOf(async().clear())).isInstanceOf(CacheClosedException.class);
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    default void asyncGetOrSetRunsTheSupplierOnceForConcurrentCallers() {
        AtomicInteger calls = new AtomicInteger();
        List<CompletableFuture<Object>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(async().getOrSet("slow", () -> {
                calls.incrementAndGet();
                sleep(300);
                return "computed once";
            }));
        }
        for (CompletableFuture<Object> result : results) {
            assertThat(await(result)).isEqualTo("computed once");
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    default void asyncGetOrSetReturnsBeforeItsSupplierFinishes() {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> result = async().getOrSet("slow", () -> {
            await(release);
            return "slow";
        });
        assertThat(result).isNotDone();
        release.countDown();
        assertThat(await(result)).isEqualTo("slow");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    default void asyncGetOrSetSupplierMayBlockOnTheSynchronousFace() {
        cache().set("other", "value");
        CompletableFuture<Object> result = async().getOrSet("key", () -> cache().get("other") + " and more");
        assertThat(await(result)).isEqualTo("value and more");
        assertThat(cache().get("key")).isEqualTo("value and more");
    }
}
