package org.cacheway.benchmarks;

import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.codec.TypedJsonJackson3Codec;
import org.redisson.config.Config;

/**
 * Redisson on a benchmark's server with its defaults (single-server connection pool, its own
 * Netty event loops) and a JSON codec: Jackson 3 without type information, so a string is stored
 * as the same {@code "..."} bytes Cacheway stores and {@code getBucket(":1:bench:<i>")} reads the
 * preloaded values. Redisson has no key scheme: its objects are named by the final keys.
 */
public final class RedissonPeer implements AutoCloseable {
    private final RedissonClient client;
    private final Lazy<RedissonSessionFixture> sessions = new Lazy<>(() -> new RedissonSessionFixture(this));

    RedissonPeer(String host, int port) {
        Config config = new Config();
        config.setCodec(new TypedJsonJackson3Codec(Object.class));
        config.useSingleServer().setAddress("redis://" + host + ":" + port);
        client = Redisson.create(config);
        client.getBucket(BenchData.finalKey(BenchData.key(0))).get(); // first use, as in a running application
    }

    /** The client, with the JSON codec as its default. */
    public RedissonClient client() {
        return client;
    }

    /** W6's sessions as {@code RMap}s, created on the first call. */
    public RedissonSessionFixture sessions() {
        return sessions.get();
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
