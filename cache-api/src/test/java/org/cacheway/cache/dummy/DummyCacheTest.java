package org.cacheway.cache.dummy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheClosedException;
import org.cacheway.cache.CacheKeyException;
import org.cacheway.cache.CacheMissException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.KeyWarnings;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DummyCache keeps nothing, so it does not run the contract suite (which checks that values are
 * kept); these are Django's {@code DummyCacheTests} (acceptance case 50) plus the parts of the
 * contract that do apply: key checks and warnings, versions of keys, per-request and registry close.
 */
class DummyCacheTest {
    private final Caches caches = Caches.fromSettings(Map.of(
            "default", Map.of("BACKEND", "django.core.cache.backends.dummy.DummyCache")));
    private final Cache cache = caches.get("default");

    @AfterEach
    void closeRegistry() {
        caches.close();
    }

    @Test
    void djangoNameBuildsADummyCache() {
        assertThat(cache).isInstanceOf(DummyCache.class);
    }

    @Test
    void getAfterSetReturnsNull() {
        assertThat(cache.set("key", "value")).isTrue();
        assertThat(cache.get("key")).isNull();
    }

    @Test
    void getOrDefaultReturnsTheDefault() {
        cache.set("key", "value");
        assertThat(cache.getOrDefault("key", "default")).isEqualTo("default");
    }

    @Test
    void typedGetReturnsNull() {
        assertThat(cache.get("key", String.class)).isNull();
    }

    @Test
    void addReturnsTrueTwiceAndKeepsNothing() {
        assertThat(cache.add("addkey1", "value")).isTrue();
        assertThat(cache.add("addkey1", "newvalue")).isTrue();
        assertThat(cache.get("addkey1")).isNull();
    }

    @Test
    void hasKeyIsFalse() {
        cache.set("hello1", "goodbye1");
        assertThat(cache.hasKey("hello1")).isFalse();
    }

    @Test
    void deleteIsFalse() {
        cache.set("key1", "spam");
        assertThat(cache.delete("key1")).isFalse();
    }

    @Test
    void touchIsFalse() {
        cache.set("key", "value");
        assertThat(cache.touch("key")).isFalse();
        assertThat(cache.touch("key", Timeout.NEVER)).isFalse();
    }

    @Test
    void getManyIsEmpty() {
        cache.setMany(Map.of("a", "a", "b", "b"));
        assertThat(cache.getMany(List.of("a", "b"))).isEmpty();
    }

    @Test
    void setManyReturnsNoFailedKeys() {
        assertThat(cache.setMany(Map.of("a", 1, "b", 2))).isEmpty();
        assertThat(cache.setMany(Map.of("a", 1), Timeout.ZERO)).isEmpty();
    }

    @Test
    void deleteManyRemovesNothing() {
        assertThat(cache.deleteMany(List.of("a", "b"))).isZero();
    }

    @Test
    void incrAndDecrAreMissesEvenAfterSet() {
        cache.set("answer", 42);
        assertThatThrownBy(() -> cache.incr("answer")).isInstanceOf(CacheMissException.class)
                .hasMessageContaining("answer");
        assertThatThrownBy(() -> cache.decr("answer")).isInstanceOf(CacheMissException.class);
        assertThatThrownBy(() -> cache.incr("does_not_exist")).isInstanceOf(CacheMissException.class);
    }

    @Test
    void incrVersionAndDecrVersionAreMissesEvenAfterSet() {
        cache.set("answer", 42);
        assertThatThrownBy(() -> cache.incrVersion("answer")).isInstanceOf(CacheMissException.class);
        assertThatThrownBy(() -> cache.decrVersion("answer")).isInstanceOf(CacheMissException.class);
    }

    @Test
    void getOrSetReturnsTheComputedValueEachTime() {
        assertThat(cache.getOrSet("mykey", () -> "default")).isEqualTo("default");
        assertThat(cache.getOrSet("mykey", () -> "other")).isEqualTo("other");
        assertThat(cache.getOrSet("null", () -> null)).isNull();
    }

    @Test
    void clearAndCloseWork() {
        cache.clear();
        cache.close();
        assertThat(cache.set("key", "value")).isTrue();
    }

    @Test
    void asyncTwinAnswersTheSame() {
        assertThat(cache.async().add("key", "value").join()).isTrue();
        assertThat(cache.async().getOrDefault("key", "default").join()).isEqualTo("default");
        assertThat(cache.async().getOrSet("key", () -> "computed").join()).isEqualTo("computed");
        assertThat(cache.async().incr("key").handle((v, e) -> e).join())
                .hasCauseInstanceOf(CacheMissException.class);
    }

    @Test
    void keysAreStillMadeWithPrefixAndVersion() {
        assertThat(cache.makeKey("k")).isEqualTo(":1:k");
        assertThat(cache.version(3).makeKey("k")).isEqualTo(":3:k");
    }

    @Test
    void keyWarningsAreStillIssued() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        AutoCloseable listening = KeyWarnings.listen(warnings::add);
        try {
            cache.add("key with spaces", 1);
            cache.get("key with spaces");
            cache.set("key with spaces", 1);
            cache.touch("key with spaces");
            cache.delete("key with spaces");
            cache.getMany(List.of("key with spaces"));
            cache.setMany(Map.of("key with spaces", 1));
            cache.deleteMany(List.of("key with spaces"));
            try {
                cache.incr("key with spaces");
            } catch (CacheMissException expected) {
                // The warning comes first.
            }
        } finally {
            close(listening);
        }
        assertThat(new ArrayList<>(warnings)).hasSize(9)
                .allSatisfy(w -> assertThat(w).contains("':1:key with spaces'"));
    }

    @Test
    void nullKeyIsAKeyError() {
        assertThatThrownBy(() -> cache.get(null)).isInstanceOf(CacheKeyException.class);
        assertThatThrownBy(() -> cache.set(null, 1)).isInstanceOf(CacheKeyException.class);
    }

    @Test
    void closingTheRegistryMakesItUnusable() {
        caches.close();
        assertThatThrownBy(() -> cache.get("key")).isInstanceOf(CacheClosedException.class);
    }

    private static void close(AutoCloseable listening) {
        try {
            listening.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
