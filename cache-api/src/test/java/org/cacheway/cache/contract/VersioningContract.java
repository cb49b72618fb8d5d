package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.cacheway.cache.contract.ContractSupport.ordered;

import java.util.List;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheMissException;
import org.junit.jupiter.api.Test;

/**
 * Key making, KEY_PREFIX, VERSION, version views, incrVersion/decrVersion and KEY_FUNCTION
 * (Django's acceptance cases 5 and 31-39).
 */
public interface VersioningContract extends CacheFixture {
    private static List<String> pair() {
        return List.of("ford", "arthur");
    }

    private static void setPair(Cache target) {
        target.setMany(ordered("ford", 37, "arthur", 42));
    }

    @Test
    default void defaultKeyIsPrefixColonVersionColonKey() {
        assertThat(cache().makeKey("k")).isEqualTo(":1:k");
        assertThat(cache(PREFIXED).makeKey("k")).isEqualTo("cacheprefix:1:k");
        assertThat(cache(V2).makeKey("k")).isEqualTo(":2:k");
    }

    @Test
    default void versionViewUsesItsVersion() {
        assertThat(cache().version()).isEqualTo(1);
        assertThat(cache().version(5).version()).isEqualTo(5);
        assertThat(cache().version(5).makeKey("k")).isEqualTo(":5:k");
        assertThat(cache().version(5).alias()).isEqualTo(DEFAULT);
    }

    @Test
    default void differentKeyPrefixesDoNotShareKeys() {
        cache().set("somekey", "value");
        assertThat(cache(PREFIXED).hasKey("somekey")).isFalse();
        assertThat(cache(PREFIXED).get("somekey")).isNull();
    }

    @Test
    default void prefixedCacheKeepsItsOwnValues() {
        cache().set("somekey", "value");
        cache(PREFIXED).set("somekey", "value2");
        assertThat(cache().get("somekey")).isEqualTo("value");
        assertThat(cache(PREFIXED).get("somekey")).isEqualTo("value2");
    }

    @Test
    default void valueSetAtDefaultVersionIsReadOnlyAtVersionOne() {
        cache().set("answer1", 42);
        assertThat(cache().get("answer1")).isEqualTo(42L);
        assertThat(cache().version(1).get("answer1")).isEqualTo(42L);
        assertThat(cache().version(2).get("answer1")).isNull();
        assertThat(cache(V2).get("answer1")).isNull();
        assertThat(cache(V2).version(1).get("answer1")).isEqualTo(42L);
    }

    @Test
    default void valueSetAtVersionTwoIsReadOnlyAtVersionTwo() {
        cache().version(2).set("answer2", 42);
        assertThat(cache().get("answer2")).isNull();
        assertThat(cache().version(2).get("answer2")).isEqualTo(42L);
        assertThat(cache(V2).get("answer2")).isEqualTo(42L);
        assertThat(cache(V2).version(1).get("answer2")).isNull();
    }

    @Test
    default void versionTwoCacheWritesVersionTwoByDefault() {
        cache(V2).set("answer3", 42);
        assertThat(cache().get("answer3")).isNull();
        assertThat(cache().version(2).get("answer3")).isEqualTo(42L);
    }

    @Test
    default void versionTwoCacheWritesVersionOneWhenAsked() {
        cache(V2).version(1).set("answer4", 42);
        assertThat(cache().get("answer4")).isEqualTo(42L);
        assertThat(cache(V2).get("answer4")).isNull();
    }

    @Test
    default void addIsPerVersion() {
        assertThat(cache().version(2).add("answer1", 42)).isTrue();
        assertThat(cache().version(2).add("answer1", 37)).isFalse();
        assertThat(cache().version(1).add("answer1", 37)).isTrue();
        assertThat(cache().version(1).get("answer1")).isEqualTo(37L);
        assertThat(cache().version(2).get("answer1")).isEqualTo(42L);
    }

    @Test
    default void hasKeyIsPerVersion() {
        cache().set("answer1", 42);
        assertThat(cache().hasKey("answer1")).isTrue();
        assertThat(cache().version(1).hasKey("answer1")).isTrue();
        assertThat(cache().version(2).hasKey("answer1")).isFalse();
        assertThat(cache(V2).hasKey("answer1")).isFalse();
    }

    @Test
    default void deleteAtVersionOneLeavesVersionTwo() {
        cache().version(1).set("answer1", 37);
        cache().version(2).set("answer1", 42);
        assertThat(cache().delete("answer1")).isTrue();
        assertThat(cache().version(1).get("answer1")).isNull();
        assertThat(cache().version(2).get("answer1")).isEqualTo(42L);
    }

    @Test
    default void deleteAtVersionTwoLeavesVersionOne() {
        cache().version(1).set("answer1", 37);
        cache().version(2).set("answer1", 42);
        assertThat(cache().version(2).delete("answer1")).isTrue();
        assertThat(cache().version(1).get("answer1")).isEqualTo(37L);
        assertThat(cache().version(2).get("answer1")).isNull();
    }

    @Test
    default void versionTwoCacheDeletesVersionTwoByDefault() {
        cache().version(1).set("answer1", 37);
        cache().version(2).set("answer1", 42);
        assertThat(cache(V2).delete("answer1")).isTrue();
        assertThat(cache().version(1).get("answer1")).isEqualTo(37L);
        assertThat(cache().version(2).get("answer1")).isNull();
    }

    @Test
    default void incrAndDecrTouchOnlyTheAddressedVersion() {
        cache().version(1).set("answer", 37);
        cache().version(2).set("answer", 42);
        assertThat(cache().incr("answer")).isEqualTo(38);
        assertThat(cache().version(2).incr("answer", 10)).isEqualTo(52);
        assertThat(cache(V2).decr("answer")).isEqualTo(51);
        assertThat(cache().version(1).get("answer")).isEqualTo(38L);
        assertThat(cache().version(2).get("answer")).isEqualTo(51L);
    }

    @Test
    default void setManyAtDefaultVersionIsReadAtVersionOne() {
        setPair(cache());
        assertThat(cache().getMany(pair())).containsExactly(entry("ford", 37L), entry("arthur", 42L));
        assertThat(cache().version(2).getMany(pair())).isEmpty();
        assertThat(cache(V2).getMany(pair())).isEmpty();
        assertThat(cache(V2).version(1).getMany(pair())).containsExactly(entry("ford", 37L), entry("arthur", 42L));
    }

    @Test
    default void setManyAtVersionTwoIsReadAtVersionTwo() {
        setPair(cache().version(2));
        assertThat(cache().getMany(pair())).isEmpty();
        assertThat(cache().version(2).getMany(pair())).containsExactly(entry("ford", 37L), entry("arthur", 42L));
        assertThat(cache(V2).getMany(pair())).containsExactly(entry("ford", 37L), entry("arthur", 42L));
        assertThat(cache(V2).version(1).getMany(pair())).isEmpty();
    }

    @Test
    default void versionTwoCacheSetManyWritesVersionTwo() {
        setPair(cache(V2));
        assertThat(cache().getMany(pair())).isEmpty();
        assertThat(cache().version(2).getMany(pair())).hasSize(2);
    }

    @Test
    default void versionTwoCacheSetManyWritesVersionOneWhenAsked() {
        setPair(cache(V2).version(1));
        assertThat(cache().getMany(pair())).hasSize(2);
        assertThat(cache(V2).getMany(pair())).isEmpty();
    }

    @Test
    default void deleteManyIsPerVersion() {
        setPair(cache());
        setPair(cache().version(2));
        assertThat(cache().version(2).deleteMany(pair())).isEqualTo(2);
        assertThat(cache().getMany(pair())).hasSize(2);
    }

    @Test
    default void incrVersionMovesTheValueAndReturnsTheNewVersion() {
        cache().version(2).set("answer", 42);
        assertThat(cache().version(2).incrVersion("answer")).isEqualTo(3);
        assertThat(cache().version(2).get("answer")).isNull();
        assertThat(cache().version(3).get("answer")).isEqualTo(42L);
        assertThat(cache().get("answer")).isNull();
    }

    @Test
    default void incrVersionByADeltaMovesThatFar() {
        cache().set("answer", "value");
        assertThat(cache().incrVersion("answer", 3)).isEqualTo(4);
        assertThat(cache().version(4).get("answer")).isEqualTo("value");
    }

    @Test
    default void incrVersionOfMissingKeyIsAMiss() {
        assertThatThrownBy(() -> cache().incrVersion("does_not_exist"))
                .isInstanceOf(CacheMissException.class)
                .hasMessageContaining("does_not_exist");
    }

    @Test
    default void incrVersionMovesAStoredNull() {
        cache().set("null", null);
        assertThat(cache().incrVersion("null")).isEqualTo(2);
        assertThat(cache().version(2).hasKey("null")).isTrue();
        assertThat(cache().version(2).getOrDefault("null", "default")).isNull();
        assertThat(cache().hasKey("null")).isFalse();
    }

    @Test
    default void incrVersionKeepsTheTimeToLive() {
        cache().set("answer", 42, SHORT_TIMEOUT);
        cache().incrVersion("answer");
        elapse(PAST_SHORT_TIMEOUT);
        assertThat(cache().version(2).hasKey("answer")).isFalse();
    }

    @Test
    default void decrVersionMovesTheValueDown() {
        cache().version(2).set("answer", 42);
        assertThat(cache(V2).decrVersion("answer")).isEqualTo(1);
        assertThat(cache().get("answer")).isEqualTo(42L);
        assertThat(cache(V2).get("answer")).isNull();
    }

    @Test
    default void decrVersionByADeltaMovesThatFar() {
        cache().version(3).set("answer", 42);
        assertThat(cache().version(3).decrVersion("answer", 2)).isEqualTo(1);
        assertThat(cache().get("answer")).isEqualTo(42L);
        assertThat(cache().version(3).hasKey("answer")).isFalse();
    }

    @Test
    default void decrVersionOfMissingKeyIsAMiss() {
        assertThatThrownBy(() -> cache(V2).decrVersion("does_not_exist"))
                .isInstanceOf(CacheMissException.class)
                .hasMessageContaining("does_not_exist");
    }

    @Test
    default void customKeyFunctionMakesItsKey() {
        assertThat(cache(CUSTOM_KEY).makeKey("answer1")).isEqualTo("CUSTOM--1-answer1");
    }

    @Test
    default void customKeyFunctionDoesNotSeeDefaultKeys() {
        cache().set("answer1", 42);
        assertThat(cache(CUSTOM_KEY).get("answer1")).isNull();
    }

    @Test
    default void defaultKeyFunctionDoesNotSeeCustomKeys() {
        cache(CUSTOM_KEY).set("answer2", 42);
        assertThat(cache().get("answer2")).isNull();
        assertThat(cache(CUSTOM_KEY).get("answer2")).isEqualTo(42L);
    }

    @Test
    default void keyFunctionByNameAndByObjectAgree() {
        cache(CUSTOM_KEY).set("answer2", 42);
        assertThat(cache(CUSTOM_KEY_OBJECT).get("answer2")).isEqualTo(42L);
    }
}
