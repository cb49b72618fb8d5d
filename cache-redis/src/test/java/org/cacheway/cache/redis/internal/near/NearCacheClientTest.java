package org.cacheway.cache.redis.internal.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.redis.client.ClientConfig;
import org.cacheway.cache.redis.internal.TaggedKeyFunction;
import org.cacheway.cache.redis.internal.lettuce.ConnectionObserver;
import org.junit.jupiter.api.Test;

/** What the near-cache decorator decides from the settings alone, before anything connects. */
class NearCacheClientTest {

    private static CacheSettings settings(String prefix, Map<String, Object> options) {
        return CacheSettings.fromMap("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "KEY_PREFIX", prefix, "OPTIONS", options));
    }

    @Test
    void broadcastsUnderTheKeyPrefixEveryVersionShares() {
        assertThat(NearCacheClient.keyPrefix(settings("myapp", Map.of()))).isEqualTo("myapp:");
        assertThat(NearCacheClient.keyPrefix(settings("", Map.of()))).isEqualTo(":");
    }

    @Test
    void broadcastsUnderTheHashTaggedPrefixOnAClusterWithHashTags() {
        CacheSettings plain = settings("myapp", Map.of());
        CacheSettings tagged = plain.toBuilder().keyFunction(new TaggedKeyFunction(plain.keyFunction())).build();
        assertThat(NearCacheClient.keyPrefix(tagged)).isEqualTo("{myapp}:");
    }

    @Test
    void withoutNearCacheTheClientIsTheClassesOwn() {
        CacheSettings settings = settings("", Map.of());
        Object[] built = {null};
        NearCacheClient.around(settings, ClientConfig.from(settings), config -> {
            built[0] = config.observer();
            return null;
        });
        assertThat(built[0]).isSameAs(ConnectionObserver.NONE);
    }

    @Test
    void readFromReplicasThroughSentinelIsAConfigurationError() {
        CacheSettings settings = settings("", Map.of("NEAR_CACHE", Map.of(), "READ_FROM", "REPLICA_PREFERRED"));
        assertThatThrownBy(() -> NearCacheClient.around(settings, ClientConfig.from(settings), config -> null))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("NEAR_CACHE").hasMessageContaining("READ_FROM");
    }
}
