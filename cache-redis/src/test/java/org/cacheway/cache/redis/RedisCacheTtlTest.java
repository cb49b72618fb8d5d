package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisCacheTtlTest {

    @Test
    void missingKeyHasZeroTimeLeft() {
        assertThat(RedisCache.millis(-2)).isZero();
        assertThat(RedisCache.seconds(RedisCache.millis(-2))).isZero();
    }

    @Test
    void persistentKeyHasNoTimeLeft() {
        assertThat(RedisCache.millis(-1)).isNull();
        assertThat(RedisCache.seconds(null)).isNull();
    }

    @Test
    void secondsRoundAsRedisTtl() {
        assertThat(RedisCache.seconds(9_499L)).isEqualTo(9L);
        assertThat(RedisCache.seconds(9_500L)).isEqualTo(10L);
        assertThat(RedisCache.seconds(1L)).isZero();
    }
}
