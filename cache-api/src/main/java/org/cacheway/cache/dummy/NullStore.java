package org.cacheway.cache.dummy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.CacheStore;

/**
 * A store that keeps nothing: every key is missing, writes are accepted and dropped. Under
 * {@link org.cacheway.cache.base.BaseCache} this gives Django's DummyCache answers, including
 * {@code add} returning true.
 */
final class NullStore implements CacheStore {

    @Override
    public byte[] get(String key) {
        return null;
    }

    @Override
    public List<byte[]> getMany(List<String> keys) {
        return Arrays.asList(new byte[keys.size()][]);
    }

    @Override
    public void set(String key, byte[] value, Timeout timeout) {
        // Dropped.
    }

    /** Django's DummyCache.add returns True although it keeps nothing. */
    @Override
    public boolean add(String key, byte[] value, Timeout timeout) {
        return true;
    }

    @Override
    public List<String> setMany(Map<String, byte[]> entries, Timeout timeout) {
        return new ArrayList<>();
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        return false;
    }

    @Override
    public boolean delete(String key) {
        return false;
    }

    @Override
    public long deleteMany(List<String> keys) {
        return 0;
    }

    @Override
    public boolean exists(String key) {
        return false;
    }

    @Override
    public Long incrBy(String key, long delta) {
        return null;
    }

    @Override
    public long pttl(String key) {
        return -2;
    }

    @Override
    public void clear() {
        // Nothing to clear.
    }

    @Override
    public void release() {
        // Nothing held.
    }
}
