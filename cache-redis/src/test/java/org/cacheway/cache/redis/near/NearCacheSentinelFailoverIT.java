package org.cacheway.cache.redis.near;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisSentinelGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A sentinel failover under a near cache: the copy is dropped when the primary dies, tracking is
 * turned on again on the promoted replica, and a change made there by another client reaches the
 * near cache as before.
 */
class NearCacheSentinelFailoverIT {
    @RegisterExtension
    static final RedisExtension<RedisSentinelGroup> redis = RedisExtension.sentinel();

    @Test
    void afterAFailoverTheNewPrimarysChangesAreSeen() throws Exception {
        try (Caches caches = Caches.fromSettings(NearCaches.failoverSettings(redis.get().sentinelUri(0),
                "django_redis.client.SentinelClient"))) {
            RedisCache cache = caches.get("default", RedisCache.class);
            cache.set("k", 1);
            NearCaches.readUntilLocal(cache, "k");
            RedisNode primary = redis.get().primary();
            long flushes = cache.nearCacheStatistics().orElseThrow().flushes();
            primary.kill();
            RedisNode promoted = redis.get().awaitFailover(primary, Duration.ofSeconds(30));
            assertThat(cache.nearCacheStatistics().orElseThrow().flushes()).as("the copy dropped with the primary")
                    .isGreaterThan(flushes);
            NearCaches.millisUntil("a read once failed over", () -> cache.get("k"), 1L, Duration.ofSeconds(30));
            NearCaches.readUntilLocal(cache, "k");
            promoted.call("SET", cache.makeKey("k"), "2");
            NearCaches.millisUntil("a change on the promoted primary", () -> cache.get("k"), 2L, NearCaches.BOUND);
        }
    }
}
