package org.cacheway.cache.dummy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.CacheStore;
import org.cacheway.cache.base.SetCondition;

/**
 * A store that keeps nothing: every key is missing, writes are accepted and dropped. Under
 * {@link org.cacheway.cache.base.BaseCache} this gives Django's DummyCache answers, including
 * {@code add} returning true.
 */
final class NullStore implements CacheStore {
    private static final CompletableFuture<Boolean> TRUE = CompletableFuture.completedFuture(true);
    private static final CompletableFuture<Boolean> FALSE = CompletableFuture.completedFuture(false);

    @Override
    public CompletableFuture<byte[]> get(String key) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<byte[]>> getMany(List<String> keys) {
        return CompletableFuture.completedFuture(Arrays.asList(new byte[keys.size()][]));
    }

    /** Dropped; Django's DummyCache reports a stored set and add, and a failed replace (nothing is there). */
    @Override
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        return condition == SetCondition.IF_PRESENT ? FALSE : TRUE;
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return CompletableFuture.completedFuture(new ArrayList<>());
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        return FALSE;
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return FALSE;
    }

    @Override
    public CompletableFuture<Long> deleteMany(List<String> keys) {
        return CompletableFuture.completedFuture(0L);
    }

    @Override
    public CompletableFuture<Boolean> exists(String key) {
        return FALSE;
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return CompletableFuture.completedFuture(-2L);
    }

    @Override
    public CompletableFuture<Void> clear() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Long> deleteMatching(String pattern) {
        return CompletableFuture.completedFuture(0L);
    }

    @Override
    public void release() {
        // Nothing held.
    }
}
