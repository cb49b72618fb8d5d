package org.cacheway.examples.spring;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/** The catalogue, slow to ask in real life: {@link #product} is cached in Redis under the Spring cache {@code products}. */
@Service
public class ProductService {
    private final Map<String, Product> catalogue = new ConcurrentHashMap<>(Map.of(
            "1", new Product("1", "Earl Grey", 450),
            "2", new Product("2", "Darjeeling", 620)));
    private final AtomicInteger lookups = new AtomicInteger();

    /** The product, looked up only when the cache has no copy. */
    @Cacheable("products")
    public Product product(String id) {
        lookups.incrementAndGet();
        Product product = catalogue.get(id);
        if (product == null) {
            throw new IllegalArgumentException("no product " + id);
        }
        return product;
    }

    /** Renames a product and caches the new version. */
    @CachePut(cacheNames = "products", key = "#id")
    public Product rename(String id, String name) {
        Product renamed = new Product(id, name, product(id).priceCents());
        catalogue.put(id, renamed);
        return renamed;
    }

    /** Drops the cached copy. */
    @CacheEvict("products")
    public void forget(String id) {
        // the annotation does the work
    }

    /** How many lookups missed the cache in this instance. */
    public int lookups() {
        return lookups.get();
    }
}
