package org.cacheway.cache.redis.near;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.testsupport.RedisCluster;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The near cache on Redis Cluster: tracking on each primary's connection serves keys of every
 * slot locally and sees other clients' changes; a primary's failover drops the copy, and the
 * promoted replica's changes are seen as before.
 */
class NearCacheClusterFailoverIT {
    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    @Test
    void afterAFailoverThePromotedPrimarysChangesAreSeen() throws Exception {
        try (Caches caches = Caches.fromSettings(NearCaches.failoverSettings(redis.get().uris(),
                "django_redis.client.ClusterClient"))) {
            RedisCache cache = caches.get("default", RedisCache.class);
            for (int i = 0; i < 30; i++) {
                cache.set("k" + i, i);
                NearCaches.readUntilLocal(cache, "k" + i);
            }
            RedisNode owner = ownerOf(cache.makeKey("k0"));
            owner.call("SET", cache.makeKey("k0"), "100");
            NearCaches.millisUntil("a change on a cluster node", () -> cache.get("k0"), 100L, NearCaches.BOUND);

            NearCaches.readUntilLocal(cache, "k0");
            long flushes = cache.nearCacheStatistics().orElseThrow().flushes();
            owner.kill();
            redis.get().awaitHealthy(Duration.ofSeconds(45));
            NearCaches.millisUntil("a read once failed over", () -> cache.get("k0"), 100L, Duration.ofSeconds(30));
            assertThat(cache.nearCacheStatistics().orElseThrow().flushes()).isGreaterThan(flushes);
            NearCaches.readUntilLocal(cache, "k0");
            RedisNode promoted = ownerOf(cache.makeKey("k0"));
            assertThat(promoted.address()).isNotEqualTo(owner.address());
            promoted.call("SET", cache.makeKey("k0"), "200");
            NearCaches.millisUntil("a change on the promoted primary", () -> cache.get("k0"), 200L, NearCaches.BOUND);
        }
    }

    /** The running primary that answers for {@code key} (the others redirect with MOVED). */
    private static RedisNode ownerOf(String key) {
        for (RedisNode primary : redis.get().primaries()) {
            if (primary.isRunning()) {
                try {
                    primary.call("GET", key);
                    return primary;
                } catch (RuntimeException moved) {
                    // another primary owns the key's slot
                }
            }
        }
        throw new AssertionError("no running primary owns slot " + SlotHash.getSlot(key));
    }
}
