package org.cacheway.cache.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.cacheway.testsupport.RedisSentinelGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SentinelClient} configuration forms and reads from replicas. */
class SentinelClientIT {
    @RegisterExtension
    static final RedisExtension<RedisSentinelGroup> redis = RedisExtension.sentinel();

    private final List<Caches> registries = new ArrayList<>();

    @AfterEach
    void close() {
        registries.forEach(Caches::close);
    }

    private RedisCache cache(Object location, Map<String, Object> options) {
        Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", location, "OPTIONS", options)));
        registries.add(caches);
        return (RedisCache) caches.getDefault();
    }

    private static List<String> sentinelAddresses() {
        return redis.get().sentinels().stream().map(RedisNode::address).toList();
    }

    private static long calls(RedisNode node, String command) {
        String stats = node.info("commandstats").get("cmdstat_" + command);
        if (stats == null) {
            return 0;
        }
        String calls = stats.substring(stats.indexOf("calls=") + 6);
        return Long.parseLong(calls.substring(0, calls.indexOf(',')));
    }

    @Test
    void lettuceSentinelUriAsAString() {
        RedisCache cache = cache(redis.get().sentinelUri(1), Map.of("CLIENT_CLASS", "django_redis.client.SentinelClient"));
        cache.set("k", "v");
        assertThat(cache.get("k")).isEqualTo("v");
        assertThat(cache.getRedisConnection().sync().info("replication")).contains("role:master");
    }

    @Test
    void djangoStyleServiceWithSentinelsOption() {
        RedisCache cache = cache("redis://mymaster/2", Map.of("CLIENT_CLASS", "django_redis.client.SentinelClient",
                "SENTINELS", sentinelAddresses()));
        cache.set("k", "django-style", Timeout.seconds(30));
        assertThat(cache.get("k")).isEqualTo("django-style");
        RedisCache pairs = cache(List.of("redis://mymaster/2"), Map.of("CLIENT_CLASS",
                "django_redis.client.SentinelClient", "SENTINELS", redis.get().sentinels().stream()
                        .map(node -> List.<Object>of(node.host(), node.port())).toList()));
        assertThat(pairs.get("k")).isEqualTo("django-style");
    }

    @Test
    void readsGoToReplicasWithReadFrom() throws Exception {
        RedisCache cache = cache(redis.get().sentinelUri(3), Map.of("CLIENT_CLASS",
                "django_redis.client.SentinelClient", "READ_FROM", "REPLICA_PREFERRED"));
        cache.set("r", "replicated");
        cache.getRedisConnection().sync().waitForReplication(2, 2000);
        redis.get().replicas().forEach(node -> node.call("CONFIG", "RESETSTAT"));
        redis.get().primary().call("CONFIG", "RESETSTAT");
        for (int i = 0; i < 20; i++) {
            assertThat(cache.get("r")).isEqualTo("replicated");
        }
        long replicaGets = redis.get().replicas().stream().mapToLong(node -> calls(node, "get")).sum();
        assertThat(replicaGets).isEqualTo(20);
        assertThat(calls(redis.get().primary(), "get")).isZero();
        assertThat(cache.add("r", "again", Timeout.seconds(10))).isFalse();
        assertThat(cache.incr("n", 2, true)).isEqualTo(2);
    }

    @Test
    void misconfigurationNamesTheSetting() {
        Map<String, Object> sentinel = Map.of("CLIENT_CLASS", "django_redis.client.SentinelClient");
        assertThatThrownBy(() -> cache("redis://mymaster/0", sentinel))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("SENTINELS");
        assertThatThrownBy(() -> cache(redis.get().sentinelUri(0), Map.of("CLIENT_CLASS",
                "django_redis.client.SentinelClient", "READ_FROM", "SOMEWHERE")))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("READ_FROM");
        assertThatThrownBy(() -> cache(redis.get().sentinelUri(0), Map.of()))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("SentinelClient");
    }

    @Test
    void sentinelUriGetsTheSocketTimeout() {
        ClientConfig config = ClientConfig.from(org.cacheway.cache.CacheSettings.fromMap("default", Map.of(
                "BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().sentinelUri(4), "OPTIONS", Map.of("SOCKET_TIMEOUT", 2.5))));
        assertThat(SentinelClient.sentinelUri(config).getTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(SentinelClient.sentinelUri(config).getDatabase()).isEqualTo(4);
        assertThat(SentinelClient.sentinelUri(config).getSentinels()).hasSize(3);
    }
}
