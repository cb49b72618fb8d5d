package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheClosedException;
import org.junit.jupiter.api.Test;

/**
 * A cache's per-request {@code close()} is not terminal (Django's acceptance case 53); closing the
 * {@link org.cacheway.cache.Caches} registry is, for every face of every cache it built.
 */
public abstract class LifecycleContract extends KeyContract {

    @Test
    void closeIsNotTerminal() {
        cache.set("key", "value");
        cache.close();
        assertThat(cache.get("key")).isEqualTo("value");
        assertThat(cache.set("key2", "value2")).isTrue();
        assertThat(cache.get("key2")).isEqualTo("value2");
    }

    @Test
    void closeCanBeCalledRepeatedly() {
        cache.close();
        cache.close();
        cache.set("key", "value");
        assertThat(cache.get("key")).isEqualTo("value");
    }

    @Test
    void registryHandsOutTheSameCacheAfterClose() {
        cache.close();
        assertThat(caches().get(DEFAULT)).isSameAs(cache);
    }

    @Test
    void closingTheRegistryMakesItsCachesUnusable() {
        caches().close();
        assertThatThrownBy(() -> cache.get("key")).isInstanceOf(CacheClosedException.class)
                .hasMessageContaining(DEFAULT);
        assertThatThrownBy(() -> cache.set("key", 1)).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> cache.getMany(List.of("key"))).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> cache.clear()).isInstanceOf(CacheClosedException.class);
    }

    @Test
    void closingTheRegistryClosesVersionViews() {
        Cache v5 = cache.version(5);
        caches().close();
        assertThatThrownBy(() -> v5.get("key")).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> cache.version(6).set("key", 1)).isInstanceOf(CacheClosedException.class);
    }

    @Test
    void closingTheRegistryFailsAsyncOperations() {
        caches().close();
        assertThat(failureOf(cache.async().get("key"))).isInstanceOf(CacheClosedException.class);
        assertThat(failureOf(cache.async().clear())).isInstanceOf(CacheClosedException.class);
    }

    @Test
    void closedRegistryRefusesToHandOutCaches() {
        caches().close();
        assertThatThrownBy(() -> caches().get(DEFAULT)).isInstanceOf(CacheClosedException.class);
        assertThatThrownBy(() -> caches().get(PREFIXED)).isInstanceOf(CacheClosedException.class);
    }

    @Test
    void closingTheRegistryTwiceIsHarmless() {
        caches().close();
        caches().close();
        assertThatThrownBy(() -> cache.get("key")).isInstanceOf(CacheClosedException.class);
    }
}
