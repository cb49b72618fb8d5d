package org.cacheway.benchmarks;

import java.util.function.Supplier;
import org.redisson.api.RBucket;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

/**
 * W7 for Redisson, whose buckets have no get-or-set: the single-flight its documentation shows,
 * an {@link RLock} around a second look, the computation and the set ({@code get}; on a miss lock
 * {@code <key>:lock}, {@code get} again, compute and {@code set} with 300 s if still missing,
 * unlock). It holds across processes, as the lock is in Redis.
 */
final class RedissonGetOrSet implements Stampede.GetOrSet {
    private final RedissonClient client;

    RedissonGetOrSet(RedissonClient client) {
        this.client = client;
    }

    @Override
    public Object call(int thread, String key, Supplier<Object> compute) {
        RBucket<Object> bucket = client.getBucket(key);
        Object value = bucket.get();
        if (value != null) {
            return value;
        }
        RLock lock = client.getLock(key + ":lock");
        lock.lock();
        try {
            value = bucket.get();
            if (value == null) {
                value = compute.get();
                bucket.set(value, BenchData.SET_TTL);
            }
            return value;
        } finally {
            lock.unlock();
        }
    }
}
