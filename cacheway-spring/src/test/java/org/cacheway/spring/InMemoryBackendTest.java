package org.cacheway.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cacheway.cache.Caches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;

/**
 * An in-memory backend (LocMem), two aliases on one LOCATION: clear() of an alias-backed Spring
 * cache and of a namespace deletes their own keys, never what else the store holds.
 */
class InMemoryBackendTest {
    private static final Map<String, Object> SHARED = Map.of(
            "BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", "spring-shared");
    private final Caches caches = Caches.fromSettings(Map.of(
            "default", SHARED,
            "users", Map.of("BACKEND", SHARED.get("BACKEND"), "LOCATION", SHARED.get("LOCATION"),
                    "KEY_PREFIX", "users")));
    private final CachewayCacheManager manager = new CachewayCacheManager(caches);

    @AfterEach
    void close() {
        caches.get("default").clear();
        caches.close();
    }

    @Test
    void clearOfAnAliasBackedCacheDeletesOnlyItsAliasKeys() {
        Cache users = manager.getCache("users");
        users.put("a", 1L);
        manager.getCache("products").put("a", 2L);
        assertThat(users.invalidate()).isTrue();
        assertThat(users.get("a")).isNull();
        assertThat(manager.getCache("products").get("a").get()).isEqualTo(2L);
        assertThat(users.invalidate()).isFalse();
    }

    @Test
    void clearOfANamespaceDeletesOnlyItsKeys() {
        Cache products = manager.getCache("products");
        products.put("a", 1L);
        manager.getCache("orders").put("a", 2L);
        caches.get("default").set("a", 3L);
        products.clear();
        assertThat(products.get("a")).isNull();
        assertThat(manager.getCache("orders").get("a").get()).isEqualTo(2L);
        assertThat(caches.get("default").get("a")).isEqualTo(3L);
    }
}
