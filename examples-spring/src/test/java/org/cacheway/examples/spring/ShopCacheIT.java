package org.cacheway.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cache.CacheManager;

/** Two shops on one Redis share {@code @Cacheable}, {@code @CachePut} and {@code @CacheEvict}. */
class ShopCacheIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private ShopInstance first;
    private ShopInstance second;

    @BeforeEach
    void start() {
        redis.get().flushAll();
        first = new ShopInstance(redis.get().uri(1));
        second = new ShopInstance(redis.get().uri(1));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    @Test
    void aProductLookedUpByOneInstanceIsServedFromRedisToTheOther() throws Exception {
        assertThat(first.get("/products/1", null).body()).isEqualTo("{\"id\":\"1\",\"name\":\"Earl Grey\",\"priceCents\":450}");
        first.get("/products/1", null);
        assertThat(second.get("/products/1", null).body()).contains("Earl Grey");
        assertThat(first.bean(ProductService.class).lookups()).isEqualTo(1);
        assertThat(second.bean(ProductService.class).lookups()).isZero();
    }

    @Test
    void aCachePutOnOneInstanceIsWhatTheOtherReads() throws Exception {
        first.get("/products/2", null);
        first.post("/products/2", null, "name=Assam");
        assertThat(second.get("/products/2", null).body()).contains("Assam");
        assertThat(second.bean(ProductService.class).lookups()).isZero();
    }

    @Test
    void anEvictOnOneInstanceMakesTheOtherLookUpAgain() throws Exception {
        first.get("/products/1", null);
        assertThat(second.delete("/products/1").statusCode()).isEqualTo(200);
        first.get("/products/1", null);
        assertThat(first.bean(ProductService.class).lookups()).isEqualTo(2);
    }

    @Test
    void clearingOneSpringCacheLeavesTheOthersAndUnrelatedKeys() throws Exception {
        CacheManager manager = first.bean(CacheManager.class);
        manager.getCache("products").put("1", "one");
        manager.getCache("prices").put("1", 450L);
        Caches caches = first.bean(Caches.class);
        caches.getDefault().set("unrelated", "kept");
        manager.getCache("products").clear();
        assertThat(manager.getCache("products").get("1")).isNull();
        assertThat(manager.getCache("prices").get("1", Long.class)).isEqualTo(450L);
        assertThat(caches.getDefault().get("unrelated")).isEqualTo("kept");
    }
}
