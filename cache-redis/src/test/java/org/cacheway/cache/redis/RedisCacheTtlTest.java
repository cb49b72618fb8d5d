package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisCacheTtlTest {

    @Test
    void missingKeyHasZeroTimeLeft() {
        assertThat(RedisAsyncExtras.millis(-2)).isZero();
        assertThat(RedisAsyncExtras.seconds(RedisAsyncExtras.millis(-2))).isZero();
    }

    @Test
    void persistentKeyHasNoTimeLeft() {
        assertThat(RedisAsyncExtras.millis(-1)).isNull();
        assertThat(RedisAsyncExtras.seconds(null)).isNull();
    }

    @Test
    void secondsRoundAsRedisTtl() {
        assertThat(RedisAsyncExtras.seconds(9_499L)).isEqualTo(9L);
        assertThat(RedisAsyncExtras.seconds(9_500L)).isEqualTo(10L);
        assertThat(RedisAsyncExtras.seconds(1L)).isZero();
    }
}
