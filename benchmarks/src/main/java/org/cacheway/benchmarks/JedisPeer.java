package org.cacheway.benchmarks;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Jedis on a benchmark's server: a pool of blocking connections, one per benchmark thread (16),
 * the fastest way a JVM reaches Redis without a local copy, so the near cache's hot reads are
 * compared with it. Keys and values are the final bytes, as raw Lettuce uses them.
 */
public final class JedisPeer implements AutoCloseable {
    /** Enough pooled connections for W4's 16 threads, so none waits for another's. */
    static final int POOL_SIZE = 16;

    private final JedisPool pool;

    JedisPeer(String host, int port) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(POOL_SIZE);
        config.setMaxIdle(POOL_SIZE);
        config.setMinIdle(POOL_SIZE);
        pool = new JedisPool(config, host, port);
        try (Jedis jedis = pool.getResource()) {
            jedis.ping(); // first use, as in a running application
        }
    }

    /** {@code GET key}. */
    public byte[] get(byte[] key) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.get(key);
        }
    }

    /** {@code SETEX key seconds value}. */
    public String setex(byte[] key, long seconds, byte[] value) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.setex(key, seconds, value);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
