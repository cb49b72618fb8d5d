package org.cacheway.benchmarks;

import org.springframework.cache.Cache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.cache.RedisCacheWriter.RedisCacheWriterConfigurer;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Spring Data Redis on a benchmark's server, configured as a Spring application would without a
 * container: a {@link LettuceConnectionFactory} (one shared native connection, on the project's
 * Lettuce) and a {@link RedisCacheManager} whose caches have string keys, a JSON value serializer
 * (Jackson 3, no type information, so a string is stored as the same {@code "..."} bytes Cacheway
 * stores) and a 300 s TTL. The key prefix is Cacheway's {@code :1:}, so {@code cache().get("bench:<i>")}
 * reads the preloaded {@code :1:bench:<i>}.
 *
 * <p>The cache writer is the non-locking one with immediate writes: Spring Data Redis 4's default
 * on Lettuce sends a {@code put} without waiting for Redis's answer, so a put measured that way
 * would time the enqueueing of a command, not a set; Cacheway's {@code set} and raw {@code SETEX}
 * return once Redis has answered, and so does this {@code put}. {@code get(key, Callable)} writes
 * synchronously with either setting.
 */
public final class SpringPeer implements AutoCloseable {
    /** The JSON serializer of cache values and session attributes: plain JSON, natural Java types back. */
    static final RedisSerializer<Object> JSON = new JacksonJsonRedisSerializer<>(Object.class);
    private static final String CACHE = "bench";

    private final LettuceConnectionFactory connectionFactory;
    private final Cache cache;
    private final Cache lockingCache;
    private final Lazy<SpringSessionFixture> sessions = new Lazy<>(() -> new SpringSessionFixture(this));

    SpringPeer(String host, int port) {
        connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();
        cache = cache(RedisCacheWriter.create(connectionFactory, RedisCacheWriterConfigurer::immediateWrites));
        lockingCache = cache(RedisCacheWriter.lockingRedisCacheWriter(connectionFactory));
        cache.get(BenchData.key(0)); // first use, as in a running application (Cacheway's is the preload)
    }

    private static Cache cache(RedisCacheWriter writer) {
        RedisCacheManager manager = RedisCacheManager.builder(writer)
                .cacheDefaults(RedisCacheConfiguration.defaultCacheConfig()
                        .entryTtl(BenchData.SET_TTL)
                        .computePrefixWith(cacheName -> BenchData.finalKey(""))
                        .serializeKeysWith(SerializationPair.fromSerializer(RedisSerializer.string()))
                        .serializeValuesWith(SerializationPair.fromSerializer(JSON)))
                .build();
        manager.afterPropertiesSet();
        return manager.getCache(CACHE);
    }

    /** The {@code RedisCache} with the non-locking cache writer (immediate writes). */
    public Cache cache() {
        return cache;
    }

    /** The same cache with {@link RedisCacheWriter#lockingRedisCacheWriter}: W7's single-flight across processes. */
    public Cache lockingCache() {
        return lockingCache;
    }

    /** The connection factory, for Spring Session's template. */
    public LettuceConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** W6's Spring Session repository and sessions, created on the first call. */
    public SpringSessionFixture sessions() {
        return sessions.get();
    }

    @Override
    public void close() {
        connectionFactory.destroy();
    }
}
