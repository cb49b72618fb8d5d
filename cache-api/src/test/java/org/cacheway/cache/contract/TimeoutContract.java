package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cacheway.cache.contract.ContractSupport.ordered;

import java.time.Duration;
import java.util.List;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.Test;

/**
 * Timeouts: the default, never, zero and negative, fractional and long ones, expiry and touch
 * (Django's acceptance cases 21 and 24-30, and the TIMEOUT part of 51). Tests that wait use one
 * {@link #SHORT_TIMEOUT} and {@link #elapse(Duration)}.
 */
public interface TimeoutContract extends CacheFixture {
    @Test
    default void defaultTimeoutIsThreeHundredSeconds() {
        assertThat(cache().defaultTimeout()).isEqualTo(CacheSettings.DEFAULT_TIMEOUT).isEqualTo(Timeout.seconds(300));
    }

    @Test
    default void timeoutNoneMakesTheDefaultNever() {
        assertThat(cache(NEVER).defaultTimeout()).isEqualTo(Timeout.NEVER);
    }

    @Test
    default void valueExpiresAfterItsTimeout() {
        cache().set("expire1", "very quickly", SHORT_TIMEOUT);
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache().get("expire1")).isNull();
        assertThat(cache().getOrDefault("expire1", "gone")).isEqualTo("gone");
        assertThat(cache().hasKey("expire1")).isFalse();
        assertThat(cache().getMany(List.of("expire1"))).isEmpty();
    }

    @Test
    default void addStoresOverAnExpiredKey() {
        cache().set("expire2", "very quickly", SHORT_TIMEOUT);
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache().add("expire2", "newvalue")).isTrue();
        assertThat(cache().get("expire2")).isEqualTo("newvalue");
    }

    @Test
    default void setManyWithTimeoutExpiresEveryKey() {
        cache().setMany(ordered("key1", "spam", "key2", "eggs"), SHORT_TIMEOUT);
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache().get("key1")).isNull();
        assertThat(cache().get("key2")).isNull();
    }

    @Test
    default void omittedTimeoutAppliesTheCacheTimeout() {
        cache(SHORT).set("set", "v");
        cache(SHORT).add("add", "v");
        cache(SHORT).setMany(ordered("many", "v"));
        cache(SHORT).set("explicit_default", "v", Timeout.DEFAULT);
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache(SHORT).getMany(List.of("set", "add", "many", "explicit_default"))).isEmpty();
    }

    @Test
    default void neverTimeoutOutlivesAShortTimeout() {
        cache().set("short", "v", SHORT_TIMEOUT);
        cache().set("key1", "eggs", Timeout.NEVER);
        assertThat(cache().add("key2", "ham", Timeout.NEVER)).isTrue();
        cache().setMany(ordered("key3", "spam", "key4", "beans"), Timeout.NEVER);
        cache(NEVER).set("key5", "default never");
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache().hasKey("short")).isFalse();
        assertThat(cache().getMany(List.of("key1", "key2", "key3", "key4", "key5")))
                .containsOnlyKeys("key1", "key2", "key3", "key4", "key5");
    }

    @Test
    default void addWithNeverTimeoutDoesNotOverwrite() {
        cache().set("key1", "eggs", Timeout.NEVER);
        assertThat(cache().add("key1", "new eggs", Timeout.NEVER)).isFalse();
        assertThat(cache().get("key1")).isEqualTo("eggs");
    }

    @Test
    default void touchOfExistingKeyReturnsTrue() {
        cache().set("key", "value");
        assertThat(cache().touch("key", Timeout.seconds(60))).isTrue();
        assertThat(cache().get("key")).isEqualTo("value");
    }

    @Test
    default void touchOfMissingKeyReturnsFalse() {
        assertThat(cache().touch("nonexistent")).isFalse();
        assertThat(cache().hasKey("nonexistent")).isFalse();
    }

    @Test
    default void touchExtendsTheExpiry() {
        cache().set("expire1", "very quickly", SHORT_TIMEOUT);
        // Wide margins: a loaded machine may oversleep, but never undersleep.
        assertThat(cache().touch("expire1", Timeout.seconds(2))).isTrue();
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache().hasKey("expire1")).isTrue();
        elapse(Duration.ofMillis(1600));
        assertThat(cache().hasKey("expire1")).isFalse();
    }

    @Test
    default void touchWithoutTimeoutAppliesTheCacheTimeout() {
        cache(SHORT).set("key", "value", Timeout.NEVER);
        assertThat(cache(SHORT).touch("key")).isTrue();
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache(SHORT).hasKey("key")).isFalse();
    }

    @Test
    default void touchWithNeverRemovesTheExpiry() {
        cache().set("key", "value", SHORT_TIMEOUT);
        assertThat(cache().touch("key", Timeout.NEVER)).isTrue();
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache().get("key")).isEqualTo("value");
    }

    @Test
    default void zeroTimeoutSetKeepsNothing() {
        cache().set("key1", "eggs", Timeout.ZERO);
        assertThat(cache().get("key1")).isNull();
    }

    @Test
    default void zeroTimeoutSetRemovesAnExistingValue() {
        cache().set("key1", "eggs");
        assertThat(cache().set("key1", "spam", Timeout.seconds(0))).isTrue();
        assertThat(cache().hasKey("key1")).isFalse();
    }

    @Test
    default void zeroTimeoutAddReturnsTrueAndKeepsNothing() {
        assertThat(cache().add("key2", "ham", Timeout.ZERO)).isTrue();
        assertThat(cache().get("key2")).isNull();
    }

    @Test
    default void zeroTimeoutAddOfExistingKeyReturnsFalseAndKeepsIt() {
        cache().set("key2", "ham");
        assertThat(cache().add("key2", "spam", Timeout.ZERO)).isFalse();
        assertThat(cache().get("key2")).isEqualTo("ham");
    }

    @Test
    default void zeroTimeoutSetManyKeepsNothing() {
        assertThat(cache().setMany(ordered("key3", "ham", "key4", "spam"), Timeout.ZERO)).isEmpty();
        assertThat(cache().get("key3")).isNull();
        assertThat(cache().get("key4")).isNull();
    }

    @Test
    default void zeroTimeoutTouchDeletesTheKeyAndReturnsTrue() {
        cache().set("key5", "belgian fries", Timeout.seconds(5));
        assertThat(cache().touch("key5", Timeout.ZERO)).isTrue();
        assertThat(cache().get("key5")).isNull();
    }

    @Test
    default void zeroTimeoutTouchOfMissingKeyReturnsFalse() {
        assertThat(cache().touch("nonexistent", Timeout.ZERO)).isFalse();
    }

    @Test
    default void negativeTimeoutKeepsNothing() {
        cache().set("key1", "eggs", Timeout.seconds(-1));
        assertThat(cache().get("key1")).isNull();
    }

    @Test
    default void fractionalTimeoutIsAccepted() {
        cache().set("key1", "spam", Timeout.seconds(100.2));
        assertThat(cache().get("key1")).isEqualTo("spam");
    }

    @Test
    default void durationTimeoutIsAccepted() {
        cache().set("key1", "spam", Timeout.of(Duration.ofMinutes(2)));
        assertThat(cache().get("key1")).isEqualTo("spam");
    }

    @Test
    default void thirtyDaysAndASecondIsARelativeTimeout() {
        Timeout thirtyDaysAndASecond = Timeout.seconds(30L * 24 * 3600 + 1);
        cache().set("key1", "eggs", thirtyDaysAndASecond);
        assertThat(cache().add("key2", "ham", thirtyDaysAndASecond)).isTrue();
        cache().setMany(ordered("key3", "sausage", "key4", "lobster bisque"), thirtyDaysAndASecond);
        assertThat(cache().getMany(List.of("key1", "key2", "key3", "key4"))).hasSize(4);
    }
}
