package org.cacheway.cache.base;

import java.util.concurrent.CompletableFuture;
import org.cacheway.cache.CacheHealth;

/**
 * A view of one namespace of a cache ({@link BaseCache#namespace(String)}), for every backend: the
 * operations are {@link BaseCache}'s own, over the same store, with the namespace in every key
 * and pattern; what depends on the backend (health, the per-request close, how a pattern delete
 * is sent) is the cache's it was made from.
 */
final class NamespaceView extends BaseCache {
    private final BaseCache origin;

    NamespaceView(BaseCache origin, String name) {
        super(origin, name);
        this.origin = origin;
    }

    private NamespaceView(NamespaceView view, int version) {
        super(view, version);
        this.origin = view.origin;
    }

    @Override
    protected BaseCache withVersion(int version) {
        return new NamespaceView(this, version);
    }

    @Override
    protected CompletableFuture<Long> deleteMatching(String pattern) {
        return origin.deleteMatching(pattern);
    }

    @Override
    public CacheHealth health() {
        return origin.health();
    }

    @Override
    public void close() {
        origin.close();
    }

    /** Nothing: the store is the cache's, which its registry releases. */
    @Override
    public void release() {
        // a view holds no resources of its own
    }
}
