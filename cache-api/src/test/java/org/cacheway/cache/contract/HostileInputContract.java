package org.cacheway.cache.contract;

import org.cacheway.cache.Caches;
import org.cacheway.cache.Cache;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.CacheKeyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile keys through every cache method: control characters, a protocol-injection attempt, a
 * 100,000-character key, non-ASCII and unpaired surrogates. Each operation either works as it
 * does for a plain key or throws a {@link CacheException}; nothing else escapes, distinct keys
 * never share an entry, and entries stored under plain keys before are all still there after.
 * A backend's test class extends this and supplies {@link #backendSettings()}, as for
 * {@link CacheContractTest}.
 */
public abstract class HostileInputContract {
    private Caches caches;
    /** The cache under test, fresh and empty for each test. */
    protected Cache cache;

    /** The {@code CACHES} block of the backend under test, as for {@link CacheContractTest}. */
    protected abstract Map<String, Object> backendSettings();

    @BeforeEach
    final void openHostileCaches() {
        caches = Caches.fromSettings(Map.of("default", backendSettings()));
        cache = caches.getDefault();
        cache.clear();
        cache.setMany(BYSTANDERS);
    }

    /** The entries stored under plain keys survive whatever a test did with hostile ones. */
    @AfterEach
    final void bystandersAreUntouchedThenClose() {
        try {
            assertThat(cache.getMany(BYSTANDERS.keySet())).isEqualTo(BYSTANDERS);
        } finally {
            caches.close();
        }
    }

    /** Plain entries stored before each test and checked after it. */
    private static final Map<String, Object> BYSTANDERS = Map.of(
            "bystander:text", "kept", "bystander:number", 41L, "bystander:list", List.of(1L, "two"),
            "bystander:map", Map.of("nested", true));

    /** The hostile keys, named for what they try. */
    static Stream<Named<String>> hostileKeys() {
        StringBuilder controls = new StringBuilder("controls:");
        for (char c = 0; c < 32; c++) {
            controls.append(c);
        }
        return Stream.of(
                Named.of("newline", "line\nWARN forged"),
                Named.of("RESP injection", "k\r\n*3\r\n$3\r\nSET\r\n$1\r\nx\r\n$6\r\nhacked\r\n"),
                Named.of("NUL", "nul\u0000byte"),
                Named.of("every control character and DEL", controls.append('\u007f').toString()),
                Named.of("100,000 characters", "long:" + "k".repeat(100_000)),
                Named.of("non-ASCII", "清-Iñtërnâtiônàlizætiøn-😀"),
                Named.of("bidirectional override and line separator", "\u202egnp.exe\u2028"),
                Named.of("unpaired high surrogate", "half:\ud800"),
                Named.of("unpaired low surrogate", "half:\udc00"),
                Named.of("glob characters", "*?[a-z]\\"),
                Named.of("empty", ""),
                Named.of("spaces only", "   "));
    }


    @ParameterizedTest
    @MethodSource("hostileKeys")
    void hostileKeyRoundTripsThroughSetGetAddTouchAndDelete(String key) {
        typed(() -> {
            assertThat(cache.set(key, "value")).isTrue();
            assertThat(cache.get(key)).isEqualTo("value");
            assertThat(cache.get(key, String.class)).isEqualTo("value");
            assertThat(cache.hasKey(key)).isTrue();
            assertThat(cache.add(key, "other")).isFalse();
            assertThat(cache.touch(key)).isTrue();
            assertThat(cache.delete(key)).isTrue();
            assertThat(cache.getOrDefault(key, "absent")).isEqualTo("absent");
            assertThat(cache.add(key, "added")).isTrue();
            assertThat(cache.get(key)).isEqualTo("added");
            return null;
        });
    }

    @ParameterizedTest
    @MethodSource("hostileKeys")
    void hostileKeyCountsAndChangesVersion(String key) {
        typed(() -> {
            cache.set(key, 10);
            assertThat(cache.incr(key, 5)).isEqualTo(15);
            assertThat(cache.decr(key)).isEqualTo(14);
            assertThat(cache.incrVersion(key)).isEqualTo(2);
            assertThat(cache.get(key)).isNull();
            assertThat(cache.version(2).get(key)).isEqualTo(14L);
            assertThat(cache.version(2).decrVersion(key)).isEqualTo(1);
            assertThat(cache.get(key)).isEqualTo(14L);
            return null;
        });
    }

    @ParameterizedTest
    @MethodSource("hostileKeys")
    void hostileKeyWorksInManyOperationsAndGetOrSet(String key) {
        typed(() -> {
            assertThat(cache.getOrSet(key, () -> "computed")).isEqualTo("computed");
            assertThat(cache.getOrSet(key, () -> "again")).isEqualTo("computed");
            assertThat(cache.setMany(Map.of(key, "many", "plain", "p"))).isEmpty();
            assertThat(cache.getMany(List.of(key, "plain"))).isEqualTo(Map.of(key, "many", "plain", "p"));
            assertThat(cache.deleteMany(List.of(key, "plain"))).isEqualTo(2);
            assertThat(cache.hasKey(key)).isFalse();
            return null;
        });
    }

    @ParameterizedTest
    @MethodSource("hostileKeys")
    void hostileKeyWorksThroughTheAsyncFace(String key) {
        typed(() -> {
            assertThat(outcome(cache.async().set(key, "async"))).isEqualTo(true);
            assertThat(outcome(cache.async().get(key))).isEqualTo("async");
            assertThat(outcome(cache.async().delete(key))).isEqualTo(true);
            return null;
        });
    }

    @Test
    void keyHoldingHalfACharacterIsAKeyErrorOnEveryBackend() {
        assertThatThrownBy(() -> cache.set("half:\ud800", 1)).isInstanceOf(CacheKeyException.class)
                .hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> cache.get("\udc00")).isInstanceOf(CacheKeyException.class);
    }

    @Test
    void hostileKeysNeverShareAnEntry() {
        Map<String, String> stored = new LinkedHashMap<>();
        hostileKeys().forEach(named -> {
            if (Boolean.TRUE.equals(typed(() -> cache.set(named.getPayload(), named.getName())))) {
                stored.put(named.getPayload(), named.getName());
            }
        });
        for (Map.Entry<String, String> entry : stored.entrySet()) {
            assertThat(cache.get(entry.getKey())).as(entry.getValue()).isEqualTo(entry.getValue());
        }
    }

    /** The value of a future, or the exception it failed with thrown as it is. */
    private static Object outcome(CompletableFuture<?> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new AssertionError("the future failed with " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete: " + e, e);
        }
    }

    /**
     * Runs {@code action}: its result, or its {@link CacheException} when it throws one (the typed
     * error is an accepted outcome); any other exception fails the test.
     */
    private static <T> T typed(Supplier<T> action) {
        try {
            return action.get();
        } catch (CacheException expected) {
            return null;
        } catch (RuntimeException e) {
            return fail("a hostile key must give a CacheException or work, not " + e, e);
        }
    }
}
