package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cacheway.cache.contract.ContractSupport.warningsDuring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheKeyException;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Django's memcached-portability key warnings on every operation, and null keys (Django's
 * acceptance case 44). Warnings are observed through {@link org.cacheway.cache.KeyWarnings#listen}.
 */
public interface KeyContract extends CacheFixture {
    /** Django's test key: a space makes it unsafe for memcached; the non-ASCII character does not. */
    String UNSAFE_KEY = "key with spaces and 清";
    /** How a warning shows {@link #UNSAFE_KEY} made with version 1: quoted, non-ASCII escaped. */
    String UNSAFE_KEY_SHOWN = "':1:key with spaces and \\u6e05'";
    /** A key whose made form ({@code :1:} + 248 characters) is 251 characters long. */
    String LONG_KEY = "a".repeat(248);

    /** Each operation Django's test checks for warnings, run on one key that already holds 1. */
    static Stream<Named<Consumer<Cache>>> operationsOnOneKey() {
        return Stream.of(
                op("add", (c, k) -> c.add(k, 1)),
                op("get", (c, k) -> c.get(k)),
                op("set", (c, k) -> c.set(k, 1)),
                op("incr", (c, k) -> c.incr(k)),
                op("decr", (c, k) -> c.decr(k)),
                op("touch", (c, k) -> c.touch(k)),
                op("delete", (c, k) -> c.delete(k)),
                op("getMany", (c, k) -> c.getMany(List.of(k, "other"))),
                op("setMany", (c, k) -> c.setMany(Map.of(k, 1, "other", 2))),
                op("deleteMany", (c, k) -> c.deleteMany(List.of(k, "other"))),
                op("hasKey", (c, k) -> c.hasKey(k)),
                op("getOrSet", (c, k) -> c.getOrSet(k, () -> 1)),
                op("incrVersion", (c, k) -> c.incrVersion(k)));
    }

    private static Named<Consumer<Cache>> op(String name, BiConsumer<Cache, String> action) {
        return Named.of(name, cache -> action.accept(cache, UNSAFE_KEY));
    }

    @ParameterizedTest
    @MethodSource("operationsOnOneKey")
    default void keyWithSpacesWarnsOnEveryOperation(Consumer<Cache> operation) {
        cache().set(UNSAFE_KEY, 1);
        List<String> warnings = warningsDuring(() -> operation.accept(cache()));
        assertThat(warnings).contains("Cache key contains characters that will cause errors if used with "
                + "memcached: " + UNSAFE_KEY_SHOWN);
    }

    @Test
    default void keyWithSpacesWarnsOncePerKey() {
        assertThat(warningsDuring(() -> cache().get("a b\tc\u007f"))).hasSize(1);
    }

    @Test
    default void keyLongerThan250CharactersWarns() {
        assertThat(warningsDuring(() -> cache().set(LONG_KEY, 1)))
                .containsExactly("Cache key will cause errors if used with memcached: ':1:" + LONG_KEY
                        + "' (longer than 250)");
    }

    @Test
    default void lengthWarningCountsTheMadeKey() {
        assertThat(warningsDuring(() -> cache().get("a".repeat(247)))).isEmpty();
        assertThat(warningsDuring(() -> cache(PREFIXED).get("a".repeat(247)))).hasSize(1);
    }

    @Test
    default void longKeyWithSpacesGetsBothWarnings() {
        assertThat(warningsDuring(() -> cache().get(LONG_KEY + " "))).hasSize(2);
    }

    @Test
    default void nonAsciiKeyDoesNotWarn() {
        assertThat(warningsDuring(() -> cache().set("清-Iñtërnâtiônàlizætiøn", 1))).isEmpty();
    }

    @Test
    default void warnedKeysStillWork() {
        cache().set(UNSAFE_KEY, "value");
        cache().set(LONG_KEY, "long");
        assertThat(cache().get(UNSAFE_KEY)).isEqualTo("value");
        assertThat(cache().get(LONG_KEY)).isEqualTo("long");
    }

    static Stream<Named<Consumer<Cache>>> operationsOnANullKey() {
        Map<String, Object> nullKeyed = new HashMap<>();
        nullKeyed.put(null, 1);
        return Stream.of(
                Named.of("get", c -> c.get(null)),
                Named.of("getOrDefault", c -> c.getOrDefault(null, 1)),
                Named.of("typed get", c -> c.get(null, String.class)),
                Named.of("set", c -> c.set(null, 1)),
                Named.of("add", c -> c.add(null, 1, Timeout.NEVER)),
                Named.of("touch", c -> c.touch(null)),
                Named.of("delete", c -> c.delete(null)),
                Named.of("hasKey", c -> c.hasKey(null)),
                Named.of("incr", c -> c.incr(null)),
                Named.of("decr", c -> c.decr(null)),
                Named.of("incrVersion", c -> c.incrVersion(null)),
                Named.of("getOrSet", c -> c.getOrSet(null, () -> 1)),
                Named.of("makeKey", c -> c.makeKey(null)),
                Named.of("getMany", c -> c.getMany(Arrays.asList("a", null))),
                Named.of("setMany", c -> c.setMany(nullKeyed)),
                Named.of("deleteMany", c -> c.deleteMany(Arrays.asList("a", null))),
                Named.of("deletePattern", c -> c.deletePattern(null)),
                Named.of("namespace", c -> c.namespace(null)));
    }

    @ParameterizedTest
    @MethodSource("operationsOnANullKey")
    default void nullKeyIsAKeyError(Consumer<Cache> operation) {
        assertThatThrownBy(() -> operation.accept(cache())).isInstanceOf(CacheKeyException.class);
    }
}
