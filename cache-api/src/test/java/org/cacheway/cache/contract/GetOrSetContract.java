package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cacheway.cache.contract.ContractSupport.await;
import static org.cacheway.cache.contract.ContractSupport.sleep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.Test;

/** getOrSet, including the single flight within a process (Django's acceptance cases 40-43). */
public interface GetOrSetContract extends CacheFixture {
    @Test
    default void getOrSetStoresAndReturnsTheComputedValue() {
        assertThat(cache().get("projector")).isNull();
        assertThat(cache().getOrSet("projector", () -> 42)).isEqualTo(42L);
        assertThat(cache().get("projector")).isEqualTo(42L);
    }

    @Test
    default void getOrSetStoresAComputedNull() {
        assertThat(cache().getOrSet("null", () -> null)).isNull();
        assertThat(cache().hasKey("null")).isTrue();
        assertThat(cache().getOrDefault("null", "default")).isNull();
    }

    @Test
    default void getOrSetReturnsTheCachedValueWithoutComputing() {
        cache().set("mykey", "value");
        AtomicInteger calls = new AtomicInteger();
        assertThat(cache().getOrSet("mykey", () -> calls.incrementAndGet() + "other")).isEqualTo("value");
        assertThat(calls).hasValue(0);
    }

    @Test
    default void getOrSetKeepsTheFirstComputedValue() {
        assertThat(cache().getOrSet("mykey", () -> "value")).isEqualTo("value");
        assertThat(cache().getOrSet("mykey", () -> "new value")).isEqualTo("value");
    }

    @Test
    default void getOrSetTreatsAStoredNullAsAHit() {
        cache().set("null", null);
        assertThat(cache().getOrSet("null", () -> "computed")).isNull();
    }

    @Test
    default void getOrSetAtAVersionLeavesOtherVersionsAlone() {
        assertThat(cache().version(2).getOrSet("brian", () -> 1979)).isEqualTo(1979L);
        assertThat(cache().get("brian")).isNull();
        assertThat(cache().version(2).get("brian")).isEqualTo(1979L);
        assertThat(cache().version(3).get("brian")).isNull();
    }

    @Test
    default void getOrSetWithoutASupplierIsAnArgumentError() {
        assertThatThrownBy(() -> cache().getOrSet("key", (Supplier<?>) null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    default void getOrSetReturnsTheValueOfAWriterThatWonTheRace() {
        Object result = cache().getOrSet("race", () -> {
            cache().set("race", "winner");
            return "loser";
        });
        assertThat(result).isEqualTo("winner");
        assertThat(cache().get("race")).isEqualTo("winner");
    }

    @Test
    default void getOrSetWithZeroTimeoutReturnsTheComputedValueWithoutStoringIt() {
        assertThat(cache().getOrSet("key", () -> "computed", Timeout.ZERO)).isEqualTo("computed");
        assertThat(cache().hasKey("key")).isFalse();
    }

    @Test
    default void getOrSetAppliesTheGivenTimeout() {
        cache(NEVER).getOrSet("key", () -> "computed", SHORT_TIMEOUT);
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache().hasKey("key")).isFalse();
    }

    @Test
    default void typedGetOrSetReadsTheTypeRequested() {
        assertThat(cache().getOrSet("n", Long.class, () -> 7L)).isEqualTo(7L);
        assertThat(cache().getOrSet("n", Long.class, () -> 8L)).isEqualTo(7L);
        assertThat(cache().getOrSet("s", String.class, () -> "text", Timeout.NEVER)).isEqualTo("text");
    }

    @Test
    default void getOrSetSupplierFailurePropagatesAndStoresNothing() {
        assertThatThrownBy(() -> cache().getOrSet("key", () -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(cache().hasKey("key")).isFalse();
        assertThat(cache().getOrSet("key", () -> "second try")).isEqualTo("second try");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    default void getOrSetRunsTheSupplierOnceForConcurrentCallers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache().getOrSet("slow", () -> {
                        calls.incrementAndGet();
                        sleep(300);
                        return "computed once";
                    });
                }));
            }
            start.countDown();
            for (Future<Object> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("computed once");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    default void getOrSetOnOtherKeysDoesNotWaitForASlowSupplier() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Object> slow = pool.submit(() -> cache().getOrSet("slow", () -> {
                slowStarted.countDown();
                await(release);
                return "slow";
            }));
            assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(cache().getOrSet("fast", () -> "fast")).isEqualTo("fast");
            release.countDown();
            assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("slow");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
