package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cacheway.cache.CacheMissException;
import org.cacheway.cache.CacheValueException;
import org.junit.jupiter.api.Test;

/** incr and decr (Django's acceptance cases 12-15, plus overflow and expiry). */
public interface CounterContract extends CacheFixture {

    @Test
    default void incrAddsOneAndReturnsTheNewValue() {
        cache().set("answer", 41);
        assertThat(cache().incr("answer")).isEqualTo(42);
    }

    @Test
    default void incrAddsTheDelta() {
        cache().set("answer", 42);
        assertThat(cache().incr("answer", 10)).isEqualTo(52);
    }

    @Test
    default void incrWithNegativeDeltaSubtracts() {
        cache().set("answer", 52);
        assertThat(cache().incr("answer", -10)).isEqualTo(42);
    }

    @Test
    default void incrStoresTheNewValue() {
        cache().set("answer", 41);
        cache().incr("answer");
        assertThat(cache().get("answer")).isEqualTo(42L);
    }

    @Test
    default void incrOfMissingKeyIsAMissNamingTheKey() {
        assertThatThrownBy(() -> cache().incr("does_not_exist"))
                .isInstanceOf(CacheMissException.class)
                .hasMessageContaining("does_not_exist")
                .extracting(e -> ((CacheMissException) e).key()).isEqualTo("does_not_exist");
    }

    @Test
    default void incrWithNegativeDeltaOfMissingKeyIsAMiss() {
        assertThatThrownBy(() -> cache().incr("does_not_exist", -1))
                .isInstanceOf(CacheMissException.class)
                .hasMessageContaining("does_not_exist");
    }

    @Test
    default void incrOfMissingKeyCreatesNothing() {
        try {
            cache().incr("does_not_exist");
        } catch (CacheMissException expected) {
            // The miss is under test elsewhere.
        }
        assertThat(cache().hasKey("does_not_exist")).isFalse();
    }

    @Test
    default void decrSubtractsOneAndReturnsTheNewValue() {
        cache().set("answer", 43);
        assertThat(cache().decr("answer")).isEqualTo(42);
    }

    @Test
    default void decrSubtractsTheDelta() {
        cache().set("answer", 42);
        assertThat(cache().decr("answer", 10)).isEqualTo(32);
        assertThat(cache().get("answer")).isEqualTo(32L);
    }

    @Test
    default void decrWithNegativeDeltaAdds() {
        cache().set("answer", 32);
        assertThat(cache().decr("answer", -10)).isEqualTo(42);
    }

    @Test
    default void decrBelowZeroGivesANegativeValue() {
        cache().set("answer", 1);
        assertThat(cache().decr("answer", 3)).isEqualTo(-2);
        assertThat(cache().get("answer")).isEqualTo(-2L);
    }

    @Test
    default void decrOfMissingKeyIsAMissNamingTheKey() {
        assertThatThrownBy(() -> cache().decr("does_not_exist"))
                .isInstanceOf(CacheMissException.class)
                .hasMessageContaining("does_not_exist");
    }

    @Test
    default void incrOfAStoredNullIsAValueErrorNotAMiss() {
        cache().set("null", null);
        assertThatThrownBy(() -> cache().incr("null")).isInstanceOf(CacheValueException.class);
    }

    @Test
    default void incrOfATextValueIsAValueErrorAndLeavesTheValue() {
        cache().set("text", "spam");
        assertThatThrownBy(() -> cache().incr("text")).isInstanceOf(CacheValueException.class);
        assertThat(cache().get("text")).isEqualTo("spam");
    }

    @Test
    default void incrThatWouldOverflowIsAValueErrorAndLeavesTheValue() {
        cache().set("big", Long.MAX_VALUE);
        assertThatThrownBy(() -> cache().incr("big")).isInstanceOf(CacheValueException.class);
        assertThat(cache().get("big")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    default void incrKeepsTheExpiry() {
        cache().set("answer", 41, SHORT_TIMEOUT);
        assertThat(cache().incr("answer")).isEqualTo(42);
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache().hasKey("answer")).isFalse();
    }
}
