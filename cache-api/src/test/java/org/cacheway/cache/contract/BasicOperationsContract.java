package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.cacheway.cache.contract.ContractSupport.ordered;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * get, set, add, delete, hasKey, the many-operations, clear and value round trips (Django's
 * acceptance cases 1-11, 16, 17, 19, 20, 22, 23 and 49).
 */
public interface BasicOperationsContract extends CacheFixture {

    @Test
    default void cacheKnowsItsAlias() {
        assertThat(cache().alias()).isEqualTo(DEFAULT);
    }

    @Test
    default void setThenGetReturnsTheValue() {
        assertThat(cache().set("key", "value")).isTrue();
        assertThat(cache().get("key")).isEqualTo("value");
    }

    @Test
    default void getOfMissingKeyReturnsNull() {
        assertThat(cache().get("does_not_exist")).isNull();
    }

    @Test
    default void getOrDefaultOfMissingKeyReturnsTheDefault() {
        assertThat(cache().getOrDefault("does_not_exist", "bang!")).isEqualTo("bang!");
    }

    @Test
    default void storedNullBeatsTheDefault() {
        cache().set("key", null);
        assertThat(cache().getOrDefault("key", "default")).isNull();
    }

    @Test
    default void setOverwritesAnExistingValue() {
        cache().set("key", "first");
        cache().set("key", "second");
        assertThat(cache().get("key")).isEqualTo("second");
    }

    @Test
    default void addStoresWhenTheKeyIsAbsent() {
        assertThat(cache().add("addkey1", "value")).isTrue();
        assertThat(cache().get("addkey1")).isEqualTo("value");
    }

    @Test
    default void addDoesNotOverwriteExistingKey() {
        cache().add("addkey1", "value");
        assertThat(cache().add("addkey1", "newvalue")).isFalse();
        assertThat(cache().get("addkey1")).isEqualTo("value");
    }

    @Test
    default void addDoesNotOverwriteAStoredNull() {
        cache().set("key", null);
        assertThat(cache().add("key", "value")).isFalse();
        assertThat(cache().getOrDefault("key", "default")).isNull();
    }

    @Test
    default void replaceDoesNotStoreWhenTheKeyIsAbsent() {
        assertThat(cache().replace("key", "value", Timeout.DEFAULT)).isFalse();
        assertThat(cache().hasKey("key")).isFalse();
    }

    @Test
    default void replaceOverwritesAPresentKey() {
        cache().set("key", "first");
        assertThat(cache().replace("key", "second", Timeout.DEFAULT)).isTrue();
        assertThat(cache().get("key")).isEqualTo("second");
    }

    @Test
    default void replaceWithAnExpiredTimeoutDeletesAPresentKey() {
        cache().set("key", "first");
        assertThat(cache().replace("key", "second", Timeout.seconds(0))).isTrue();
        assertThat(cache().hasKey("key")).isFalse();
    }

    @Test
    default void getManyReturnsFoundKeysInRequestOrder() {
        cache().setMany(ordered("a", "a", "b", "b", "c", "c", "d", "d"));
        assertThat(cache().getMany(List.of("d", "a", "c"))).containsExactly(entry("d", "d"), entry("a", "a"),
                entry("c", "c"));
    }

    @Test
    default void getManyOmitsMissingKeys() {
        cache().setMany(ordered("a", "a", "b", "b"));
        assertThat(cache().getMany(List.of("a", "b", "e"))).containsExactly(entry("a", "a"), entry("b", "b"));
    }

    @Test
    default void getManyIncludesStoredNulls() {
        cache().setMany(ordered("x", null, "y", 1));
        assertThat(cache().getMany(List.of("x", "y"))).containsExactly(entry("x", null), entry("y", 1L));
    }

    @Test
    default void getManyAcceptsAOneShotIterable() {
        cache().setMany(ordered("a", "a", "b", "b"));
        Iterable<String> once = Stream.of("a", "b", "c")::iterator;
        assertThat(cache().getMany(once)).containsExactly(entry("a", "a"), entry("b", "b"));
    }

    @Test
    default void getManyOfNoKeysIsEmpty() {
        assertThat(cache().getMany(List.of())).isEmpty();
    }

    @Test
    default void typedGetConvertsTheValue() {
        cache().set("text", "value");
        cache().set("number", 42);
        assertThat(cache().get("text", String.class)).isEqualTo("value");
        assertThat(cache().get("number", Long.class)).isEqualTo(42L);
    }

    @Test
    default void typedGetOfMissingKeyReturnsNull() {
        assertThat(cache().get("does_not_exist", String.class)).isNull();
    }

    @Test
    default void typedGetManyConvertsEachValue() {
        cache().setMany(ordered("a", "x", "b", "y"));
        assertThat(cache().getMany(List.of("a", "b", "c"), String.class))
                .containsExactly(entry("a", "x"), entry("b", "y"));
    }

    @Test
    default void deleteRemovesTheKeyAndReportsIt() {
        cache().set("key1", "spam");
        assertThat(cache().delete("key1")).isTrue();
        assertThat(cache().get("key1")).isNull();
    }

    @Test
    default void deleteLeavesOtherKeysAlone() {
        cache().set("key1", "spam");
        cache().set("key2", "eggs");
        cache().delete("key1");
        assertThat(cache().get("key2")).isEqualTo("eggs");
    }

    @Test
    default void deleteOfMissingKeyReturnsFalse() {
        assertThat(cache().delete("nonexistent_key")).isFalse();
    }

    @Test
    default void hasKeyIsTrueOnlyForStoredKeys() {
        cache().set("hello1", "goodbye1");
        assertThat(cache().hasKey("hello1")).isTrue();
        assertThat(cache().hasKey("goodbye1")).isFalse();
    }

    @Test
    default void hasKeyIsTrueForAStoredNull() {
        cache().set("null", null);
        assertThat(cache().hasKey("null")).isTrue();
    }

    @ParameterizedTest
    @MethodSource("org.cacheway.cache.contract.ContractSupport#dataModel")
    default void valueRoundTripsEqual(Object value) {
        cache().set("value", value);
        assertThat(cache().get("value")).isEqualTo(value);
    }

    @Test
    default void arrayReadsBackWithItsElementsInOrder() {
        // JSON reads an array back as a list (Python's tuple does the same); the Java serializer keeps the array.
        cache().set("array", new String[] {"a", "b"});
        Object read = cache().get("array");
        List<?> elements = read instanceof Object[] array ? List.of(array) : (List<?>) read;
        assertThat(elements).isEqualTo(List.of("a", "b"));
    }

    @Test
    default void smallIntegerTypesReadBackAsLong() {
        cache().set("int", 42);
        cache().set("short", (short) 7);
        assertThat(cache().get("int")).isEqualTo(42L);
        assertThat(cache().get("short")).isEqualTo(7L);
    }

    @Test
    default void unicodeKeyAndValueRoundTripThroughSet() {
        String text = "Iñtërnâtiônàlizætiøn-清-✓";
        cache().set(text, text);
        assertThat(cache().get(text)).isEqualTo(text);
    }

    @Test
    default void unicodeKeyAndValueRoundTripThroughAdd() {
        String text = "Iñtërnâtiônàlizætiøn";
        assertThat(cache().add(text, text)).isTrue();
        assertThat(cache().get(text)).isEqualTo(text);
    }

    @Test
    default void unicodeKeyAndValueRoundTripThroughSetMany() {
        String text = "ascii2-Iñtërnâtiônàlizætiøn";
        cache().setMany(ordered(text, text));
        assertThat(cache().getMany(List.of(text))).containsExactly(entry(text, text));
    }

    @Test
    default void setManyReturnsNoFailedKeys() {
        assertThat(cache().setMany(ordered("key1", "spam", "key2", "eggs"))).isEmpty();
        assertThat(cache().get("key1")).isEqualTo("spam");
        assertThat(cache().get("key2")).isEqualTo("eggs");
    }

    @Test
    default void setManyOfNothingReturnsAnEmptyList() {
        assertThat(cache().setMany(Map.of())).isEmpty();
    }

    @Test
    default void deleteManyOfNothingRemovesNothing() {
        cache().set("key", "value");
        assertThat(cache().deleteMany(List.of())).isZero();
        assertThat(cache().get("key")).isEqualTo("value");
    }

    @Test
    default void deleteManyRemovesOnlyTheGivenKeys() {
        cache().setMany(ordered("key1", "spam", "key2", "eggs", "key3", "ham"));
        cache().deleteMany(List.of("key1", "key2"));
        assertThat(cache().get("key1")).isNull();
        assertThat(cache().get("key2")).isNull();
        assertThat(cache().get("key3")).isEqualTo("ham");
    }

    @Test
    default void deleteManyReturnsHowManyWereRemoved() {
        cache().setMany(ordered("key1", "spam", "key2", "eggs"));
        assertThat(cache().deleteMany(List.of("key1", "key2", "nonexistent"))).isEqualTo(2);
    }

    @Test
    default void clearRemovesEveryKey() {
        cache().setMany(ordered("key1", "spam", "key2", "eggs"));
        cache().clear();
        assertThat(cache().get("key1")).isNull();
        assertThat(cache().get("key2")).isNull();
    }

    @Test
    default void storedValueIsACopyOfTheObjectSet() {
        List<String> list = new ArrayList<>(List.of("a"));
        cache().set("list", list);
        list.add("b");
        assertThat(cache().get("list")).isEqualTo(List.of("a"));
    }

    @Test
    @SuppressWarnings("unchecked")
    default void valueReadIsACopyOfTheStoredValue() {
        cache().set("list", List.of("a"));
        try {
            ((List<Object>) cache().get("list")).add("b");
        } catch (UnsupportedOperationException immutable) {
            // An unmodifiable copy is a copy too.
        }
        assertThat(cache().get("list")).isEqualTo(List.of("a"));
    }
}
