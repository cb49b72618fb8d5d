package org.cacheway.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring's caching annotations in a plain spring-context application, over a real redis-server. */
class CachingAnnotationsIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    record Price(long cents, String currency) {
    }

    record Product(String id, String name, Price price) {
    }

    /** A service whose reads are cached in the {@code products} Spring cache. */
    static class Catalog {
        private final AtomicInteger reads = new AtomicInteger();

        /** How many times a read ran (a method, since the caching proxy has no state of its own). */
        public int reads() {
            return reads.get();
        }

        @Cacheable("products")
        public Product find(String id) {
            reads.incrementAndGet();
            return id.equals("none") ? null : new Product(id, "Tea " + id, new Price(450, "EUR"));
        }

        @Cacheable("listings")
        public List<Product> listing(String shop, int page) {
            reads.incrementAndGet();
            return List.of(new Product(shop + page, "Cup", new Price(900, "EUR")));
        }

        @Cacheable("later")
        public CompletableFuture<Product> findLater(String id) {
            reads.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> new Product(id, "Later " + id, new Price(1, "EUR")));
        }

        /** A future already complete when Spring's aspect sees it: the aspect then stores it at once. */
        @Cacheable("later")
        public CompletableFuture<Product> findDone(String id) {
            reads.incrementAndGet();
            return CompletableFuture.completedFuture(new Product(id, "Done " + id, new Price(3, "EUR")));
        }

        @Cacheable(value = "later", sync = true)
        public CompletableFuture<Product> findLaterOnce(String id) {
            reads.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> new Product(id, "Once " + id, new Price(2, "EUR")));
        }

        @CachePut(value = "products", key = "#p0.id()")
        public Product save(Product product) {
            return product;
        }

        @CacheEvict("products")
        public void remove(String id) {
        }
    }

    @Configuration
    @EnableCaching
    static class Application {
        static Caches caches;

        @Bean
        CacheManager cacheManager() {
            return new CachewayCacheManager(caches);
        }

        @Bean
        Catalog catalog() {
            return new Catalog();
        }
    }

    private AnnotationConfigApplicationContext context;
    private Catalog catalog;

    @BeforeEach
    void start() {
        redis.get().flushAll();
        Application.caches = TestCaches.on(redis.get().uri(4));
        context = new AnnotationConfigApplicationContext(Application.class);
        catalog = context.getBean(Catalog.class);
    }

    @AfterEach
    void stop() {
        context.close();
        Application.caches.close();
    }

    @Test
    void cacheableRecordComesBackFromRedisAsTheSameTypeWithoutCallingTheMethod() {
        Product first = catalog.find("p1");
        Product second = catalog.find("p1");
        assertThat(second).isEqualTo(first).isInstanceOf(Product.class);
        assertThat(catalog.reads()).isEqualTo(1);
        assertThat(Application.caches.getDefault().get("products:p1")).isEqualTo(first);
    }

    @Test
    void cacheableListOfRecordsUnderASimpleKeyComesBackTyped() {
        List<Product> first = catalog.listing("shop", 2);
        assertThat(catalog.listing("shop", 2)).isEqualTo(first).first().isInstanceOf(Product.class);
        assertThat(catalog.reads()).isEqualTo(1);
    }

    @Test
    void cacheableNullIsCachedToo() {
        assertThat(catalog.find("none")).isNull();
        assertThat(catalog.find("none")).isNull();
        assertThat(catalog.reads()).isEqualTo(1);
    }

    @Test
    void cacheableFutureIsCachedThroughRetrieve() throws Exception {
        Product first = catalog.findLater("f1").get(10, TimeUnit.SECONDS);
        Product second = catalog.findLater("f1").get(10, TimeUnit.SECONDS);
        assertThat(second).isEqualTo(first).isInstanceOf(Product.class);
        assertThat(catalog.reads()).isEqualTo(1);
    }

    /**
     * Spring's aspect writes a completed future's value with a blocking {@code put} in the callback
     * of {@code retrieve}'s future: were that future completed on Lettuce's I/O thread, the put
     * would wait there for a reply only that thread can read (until the command timeout).
     */
    @Test
    void cacheableCompletedFutureIsStoredWithoutBlockingRedisIo() throws Exception {
        Product first = catalog.findDone("d1").get(5, TimeUnit.SECONDS);
        assertThat(catalog.findDone("d1").get(5, TimeUnit.SECONDS)).isEqualTo(first);
        assertThat(catalog.reads()).isEqualTo(1);
        assertThat(Application.caches.getDefault().get("later:d1")).isEqualTo(first);
    }

    @Test
    void synchronizedCacheableFutureIsLoadedOnceThroughRetrieveWithALoader() throws Exception {
        Product first = catalog.findLaterOnce("f2").get(10, TimeUnit.SECONDS);
        Product second = catalog.findLaterOnce("f2").get(10, TimeUnit.SECONDS);
        assertThat(second).isEqualTo(first).isInstanceOf(Product.class);
        assertThat(catalog.reads()).isEqualTo(1);
        assertThat(Application.caches.getDefault().get("later:f2")).isEqualTo(first);
    }

    @Test
    void cachePutReplacesTheCachedValue() {
        catalog.find("p1");
        Product renamed = new Product("p1", "Green tea", new Price(500, "EUR"));
        catalog.save(renamed);
        assertThat(catalog.find("p1")).isEqualTo(renamed);
        assertThat(catalog.reads()).isEqualTo(1);
    }

    @Test
    void cacheEvictMakesTheNextReadCallTheMethod() {
        catalog.find("p1");
        catalog.remove("p1");
        catalog.find("p1");
        assertThat(catalog.reads()).isEqualTo(2);
    }
}
