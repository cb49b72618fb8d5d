package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.cacheway.cache.AsyncCache;
import org.cacheway.cache.CacheKeyException;
import org.cacheway.cache.CacheMissException;
import org.cacheway.cache.CacheValueException;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous twin, {@link org.cacheway.cache.Cache#async()}: each operation once, with the
 * same results and the same exception types (as the cause of the failed future).
 */
public abstract class AsyncCacheContract extends LifecycleContract {

    private AsyncCache async() {
        return cache.async();
    }

    @Test
    void asyncSetThenGetReturnsTheValue() {
        assertThat(await(async().set("key", "value"))).isTrue();
        assertThat(await(async().get("key"))).isEqualTo("value");
    }

    @Test
    void asyncGetOrDefaultOfMissingKeyReturnsTheDefault() {
        assertThat(await(async().getOrDefault("missing", "bang!"))).isEqualTo("bang!");
    }

    @Test
    void asyncStoredNullBeatsTheDefault() {
        await(async().set("null", null));
        assertThat(await(async().getOrDefault("null", "default"))).isNull();
    }

    @Test
    void asyncTypedGetConvertsTheValue() {
        cache.set("n", 42);
        assertThat(await(async().get("n", Long.class))).isEqualTo(42L);
    }

    @Test
    void asyncAddDoesNotOverwriteExistingKey() {
        assertThat(await(async().add("key", "value"))).isTrue();
        assertThat(await(async().add("key", "other"))).isFalse();
        assertThat(cache.get("key")).isEqualTo("value");
    }

    @Test
    void asyncZeroTimeoutAddReturnsTrueAndKeepsNothing() {
        assertThat(await(async().add("key", "value", Timeout.ZERO))).isTrue();
        assertThat(cache.hasKey("key")).isFalse();
    }

    @Test
    void asyncZeroTimeoutSetKeepsNothing() {
        cache.set("key", "value");
        assertThat(await(async().set("key", "other", Timeout.ZERO))).isTrue();
        assertThat(cache.hasKey("key")).isFalse();
    }

    @Test
    void asyncTouchReportsWhetherTheKeyExisted() {
        cache.set("key", "value", SHORT_TIMEOUT);
        assertThat(await(async().touch("key", Timeout.NEVER))).isTrue();
        assertThat(await(async().touch("missing"))).isFalse();
    }

    @Test
    void asyncReplaceStoresOnlyOverAPresentKey() {
        assertThat(await(async().replace("key", "value", Timeout.DEFAULT))).isFalse();
        assertThat(cache.hasKey("key")).isFalse();
        cache.set("key", "first");
        assertThat(await(async().replace("key", "second", Timeout.DEFAULT))).isTrue();
        assertThat(cache.get("key")).isEqualTo("second");
    }

    @Test
    void asyncDeleteReportsWhetherAKeyWasRemoved() {
        cache.set("key", "value");
        assertThat(await(async().delete("key"))).isTrue();
        assertThat(await(async().delete("key"))).isFalse();
    }

    @Test
    void asyncGetManyReturnsFoundKeysInRequestOrder() {
        cache.setMany(ordered("a", "a", "b", null));
        assertThat(await(async().getMany(List.of("b", "missing", "a"))))
                .containsExactly(entry("b", null), entry("a", "a"));
    }

    @Test
    void asyncTypedGetManyConvertsEachValue() {
        cache.setMany(ordered("a", "x"));
        assertThat(await(async().getMany(List.of("a"), String.class))).containsExactly(entry("a", "x"));
    }

    @Test
    void asyncSetManyReturnsNoFailedKeys() {
        assertThat(await(async().setMany(ordered("key1", "spam", "key2", "eggs")))).isEmpty();
        assertThat(cache.getMany(List.of("key1", "key2"))).hasSize(2);
    }

    @Test
    void asyncDeleteManyReturnsHowManyWereRemoved() {
        cache.setMany(ordered("key1", "spam", "key2", "eggs"));
        assertThat(await(async().deleteMany(List.of("key1", "key2", "missing")))).isEqualTo(2L);
        assertThat(cache.hasKey("key1")).isFalse();
    }

    @Test
    void asyncHasKeyIsTrueForAStoredNull() {
        cache.set("null", null);
        assertThat(await(async().hasKey("null"))).isTrue();
        assertThat(await(async().hasKey("missing"))).isFalse();
    }

    @Test
    void asyncIncrAndDecrReturnTheNewValue() {
        cache.set("answer", 41);
        assertThat(await(async().incr("answer"))).isEqualTo(42L);
        assertThat(await(async().incr("answer", 10))).isEqualTo(52L);
        assertThat(await(async().decr("answer"))).isEqualTo(51L);
        assertThat(await(async().decr("answer", 9))).isEqualTo(42L);
    }

    @Test
    void asyncIncrOfMissingKeyFailsWithAMiss() {
        assertThat(failureOf(async().incr("does_not_exist"))).isInstanceOf(CacheMissException.class)
                .hasMessageContaining("does_not_exist");
    }

    @Test
    void asyncIncrOfATextValueFailsWithAValueError() {
        cache.set("text", "spam");
        assertThat(failureOf(async().incr("text"))).isInstanceOf(CacheValueException.class);
    }

    @Test
    void asyncIncrVersionMovesTheValue() {
        cache.set("answer", 42);
        assertThat(await(async().incrVersion("answer"))).isEqualTo(2);
        assertThat(cache.version(2).get("answer")).isEqualTo(42L);
        assertThat(cache.hasKey("answer")).isFalse();
    }

    @Test
    void asyncDecrVersionMovesTheValueDown() {
        cache.version(3).set("answer", 42);
        assertThat(await(cache.version(3).async().decrVersion("answer", 2))).isEqualTo(1);
        assertThat(cache.get("answer")).isEqualTo(42L);
    }

    @Test
    void asyncIncrVersionOfMissingKeyFailsWithAMiss() {
        assertThat(failureOf(async().incrVersion("does_not_exist"))).isInstanceOf(CacheMissException.class);
        assertThat(failureOf(async().decrVersion("does_not_exist"))).isInstanceOf(CacheMissException.class);
    }

    @Test
    void asyncGetOrSetStoresAndReturnsTheComputedValue() {
        assertThat(await(async().getOrSet("projector", () -> 42))).isEqualTo(42L);
        assertThat(await(async().getOrSet("projector", () -> 43))).isEqualTo(42L);
        assertThat(await(async().getOrSet("typed", String.class, () -> "text"))).isEqualTo("text");
    }

    @Test
    void asyncGetOrSetWithZeroTimeoutReturnsTheComputedValue() {
        assertThat(await(async().getOrSet("key", () -> "computed", Timeout.ZERO))).isEqualTo("computed");
        assertThat(cache.hasKey("key")).isFalse();
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void asyncGetOrSetRunsTheSupplierOnceForConcurrentCallers() {
        AtomicInteger calls = new AtomicInteger();
        List<CompletableFuture<Object>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(async().getOrSet("slow", () -> {
                calls.incrementAndGet();
                GetOrSetContract.sleep(300);
                return "computed once";
            }));
        }
        for (CompletableFuture<Object> result : results) {
            assertThat(await(result)).isEqualTo("computed once");
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void asyncGetOrSetSupplierFailureFailsTheFuture() {
        CompletableFuture<Object> result = async().getOrSet("key", () -> {
            throw new IllegalStateException("boom");
        });
        assertThat(failureOf(result)).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(cache.hasKey("key")).isFalse();
    }

    @Test
    void asyncClearRemovesEveryKey() {
        cache.setMany(ordered("key1", "spam", "key2", "eggs"));
        await(async().clear());
        assertThat(cache.getMany(List.of("key1", "key2"))).isEmpty();
    }

    @Test
    void asyncCloseIsNotTerminal() {
        await(async().close());
        assertThat(await(async().set("key", "value"))).isTrue();
        assertThat(cache.get("key")).isEqualTo("value");
    }

    @Test
    void asyncNullKeyFailsTheFutureWithAKeyError() {
        assertThat(failureOf(async().get(null))).isInstanceOf(CacheKeyException.class);
        assertThat(failureOf(async().set(null, 1))).isInstanceOf(CacheKeyException.class);
    }

    @Test
    void asyncOperationsWarnAboutUnsafeKeys() {
        List<String> warnings = warningsDuring(() -> await(async().set(UNSAFE_KEY, 1)));
        assertThat(warnings).hasSize(1).allSatisfy(w -> assertThat(w).contains(UNSAFE_KEY_SHOWN));
    }

    @Test
    void asyncFaceFollowsTheVersionView() {
        cache.version(2).async().set("key", "v2").join();
        assertThat(cache.get("key")).isNull();
        assertThat(cache(V2).get("key")).isEqualTo("v2");
    }
}
