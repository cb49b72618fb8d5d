package org.cacheway.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cacheway.cache.Caches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;

/** A backend without a pattern delete (LocMem): what clear() does for an alias and for a namespace. */
class InMemoryBackendTest {
    private final Caches caches = Caches.fromSettings(Map.of(
            "default", Map.of("BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", "spring-default"),
            "users", Map.of("BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", "spring-users")));
    private final CachewayCacheManager manager = new CachewayCacheManager(caches);

    @AfterEach
    void close() {
        caches.close();
    }

    @Test
    void clearOfAnAliasBackedCacheEmptiesItsOwnStore() {
        Cache users = manager.getCache("users");
        users.put("a", 1L);
        manager.getCache("products").put("a", 2L);
        users.clear();
        assertThat(users.get("a")).isNull();
        assertThat(manager.getCache("products").get("a").get()).isEqualTo(2L);
    }

    @Test
    void clearOfANamespaceSaysItNeedsAnAliasOrRedis() {
        Cache products = manager.getCache("products");
        products.put("a", 1L);
        assertThatThrownBy(products::clear)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("'products'")
                .hasMessageContaining("alias 'default'");
        assertThat(products.get("a").get()).isEqualTo(1L);
    }
}
