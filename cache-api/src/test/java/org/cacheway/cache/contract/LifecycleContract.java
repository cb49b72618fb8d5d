package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheClosedException;
import org.junit.jupiter.api.Test;

/**
 * A cache's per-request {@code close()} is not terminal (Django's acceptance case 53); closing the
 * {@link org.cacheway.cache.Caches} registry is, for every cache it built and their version views.
 */
public interface LifecycleContract extends CacheFixture {

    @Test
    default void closeIsNotTerminal() {
        cache().set("key", "value");
        cache().close();
        assertThat(cache().get("key")).isEqualTo("value");
        assertThat(cache().set("key2", "value2")).isTrue();
        assertThat(cache().get("key2")).isEqualTo("value2");
    }

    @Test
    default void closeCanBeCalledRepeatedly() {
        cache().close();
        cache().close();
        cache().set("key", "value");
        assertThat(cache().get("key")).isEqualTo("value");
    }

    @Test
    default void registryHandsOutTheSameCacheAfterClose() {
        cache().close();
        assertThat(cache(DEFAULT)).isSameAs(cache());
    }

    @Test
    default void closingTheRegistryMakesItsCachesUnusable() {
        caches().close();
        assertThatThrownBy(() -> cache().get("key")).isInstanceOf(CacheClosedException.class)
                .hasMessageContaining(DEFAULT);
        assertThatThrownBy(() -> cache().set("key", 1)).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> cache().getMany(List.of("key"))).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> cache().clear()).isInstanceOf(CacheClosedException.class);
    }

    @Test
    default void closingTheRegistryClosesVersionViews() {
        Cache v5 = cache().version(5);
        caches().close();
        assertThatThrownBy(() -> v5.get("key")).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> cache().version(6).set("key", 1)).isInstanceOf(CacheClosedException.class);
    }

    @Test
    default void closedRegistryRefusesToHandOutCaches() {
        caches().close();
        assertThatThrownBy(() -> caches().get(DEFAULT)).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> caches().get(PREFIXED)).isInstanceOf(CacheClosedException.class);
    }

    @Test
    default void closingTheRegistryTwiceIsHarmless() {
        caches().close();
        caches().close();
        assertThatThrownBy(() -> cache().get("key")).isInstanceOf(CacheClosedException.class);
    }
}
