package org.cacheway.cache.redis;

import java.util.Map;
import java.util.function.Function;
import org.cacheway.cache.Caches;
import org.cacheway.cache.contract.CacheContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The cache contract suite plus what only {@link RedisCache} promises ({@link CollectionsContract},
 * django-redis 6's hash and set operations) on both faces. Every Redis contract IT extends this,
 * so each client class and policy runs it.
 */
public abstract class RedisContractTest extends CacheContractTest {

    /** The hash and set operations on the synchronous face. */
    @Nested
    class SynchronousCollections extends CollectionsFixture {
        SynchronousCollections() {
            super(CollectionOps::synchronous);
        }
    }

    /** The hash and set operations on the asynchronous face, awaited. */
    @Nested
    class AsynchronousCollections extends CollectionsFixture {
        AsynchronousCollections() {
            super(CollectionOps::awaiting);
        }
    }

    /** One registry of {@link #backendSettings()} per test, its cache emptied first. */
    abstract class CollectionsFixture implements CollectionsContract {
        private final Function<RedisCache, CollectionOps> face;
        private Caches caches;
        private RedisCache cache;

        CollectionsFixture(Function<RedisCache, CollectionOps> face) {
            this.face = face;
        }

        @BeforeEach
        final void openCollectionsCache() {
            caches = Caches.fromSettings(Map.of("default", backendSettings()));
            cache = caches.get("default", RedisCache.class);
            resetStore(cache);
        }

        @AfterEach
        final void closeCollectionsCache() {
            caches.close();
        }

        @Override
        public RedisCache cache() {
            return cache;
        }

        @Override
        public CollectionOps ops() {
            return face.apply(cache);
        }
    }
}
