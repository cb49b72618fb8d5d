package org.cacheway.cache.redis.internal.near;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.cacheway.cache.redis.NearCacheStatistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local copy: bounded, expiring with Redis, handing out copies, counting what it does. */
class NearCacheTest {
    private final ManualTicker clock = new ManualTicker();
    private NearCache near;

    @BeforeEach
    void trackingConfirmed() {
        near = ready(NearCacheConfig.defaults());
    }

    private NearCache ready(NearCacheConfig config) {
        NearCache made = new NearCache(config, clock);
        made.resume();
        return made;
    }

    private static void read(NearCache near, String key, String value, long pttl) {
        near.keep(near.begin(key), value.getBytes(UTF_8), pttl);
    }

    private String local(String key) {
        byte[] held = near.get(key);
        return held == null ? null : new String(held, UTF_8);
    }

    @Test
    void servesAValueItRead() {
        read(near, "k", "v", -1);
        assertThat(local("k")).isEqualTo("v");
        assertThat(near.holds("k")).isTrue();
    }

    @Test
    void keepsNothingUntilTrackingIsConfirmed() {
        NearCache unconfirmed = new NearCache(NearCacheConfig.defaults(), clock);
        read(unconfirmed, "k", "v", -1);
        assertThat(unconfirmed.get("k")).isNull();
    }

    @Test
    void handsOutCopiesSoNoCallerCanChangeTheLocalValue() {
        read(near, "k", "v", -1);
        near.get("k")[0] = 'X';
        assertThat(local("k")).isEqualTo("v");
    }

    @Test
    void aValueNeverOutlivesItsRedisExpiryCountedFromTheRead() {
        Coherence.Load load = near.begin("k");
        clock.advance(Duration.ofMillis(5));
        near.keep(load, "v".getBytes(UTF_8), 1_000);
        // counted from the read's start, a millisecond short of PTTL (Redis counts whole milliseconds)
        clock.advance(Duration.ofMillis(993));
        assertThat(local("k")).isEqualTo("v");
        clock.advance(Duration.ofMillis(1));
        assertThat(local("k")).isNull();
    }

    @Test
    void aValueThatExpiredWhileBeingReadIsNotKept() {
        Coherence.Load load = near.begin("k");
        clock.advance(Duration.ofMillis(20));
        near.keep(load, "v".getBytes(UTF_8), 10);
        assertThat(local("k")).isNull();
        assertThat(near.coherence().pendingReads()).isZero();
    }

    @Test
    void aKeyGoneByThePttlIsNotKept() {
        read(near, "k", "v", -2);
        assertThat(local("k")).isNull();
    }

    @Test
    void theTimeoutCapsTheLifeOfAValueWithoutExpiry() {
        near = ready(new NearCacheConfig(100, Duration.ofSeconds(2), NearCacheConfig.Mode.DEFAULT));
        read(near, "k", "v", -1);
        clock.advance(Duration.ofMillis(1_999));
        assertThat(local("k")).isEqualTo("v");
        clock.advance(Duration.ofMillis(1));
        assertThat(local("k")).isNull();
    }

    @Test
    void theRedisExpiryWinsWhenSoonerThanTheCap() {
        near = ready(new NearCacheConfig(100, Duration.ofSeconds(60), NearCacheConfig.Mode.DEFAULT));
        read(near, "k", "v", 500);
        clock.advance(Duration.ofMillis(500));
        assertThat(local("k")).isNull();
    }

    @Test
    void holdsAtMostMaxEntries() {
        near = ready(new NearCacheConfig(10, null, NearCacheConfig.Mode.DEFAULT));
        for (int i = 0; i < 50; i++) {
            read(near, "k" + i, "v", -1);
        }
        assertThat(near.exactSize()).isLessThanOrEqualTo(10);
        assertThat(near.statistics().evictions()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void anOwnWriteDropsTheKeyAtOnce() {
        read(near, "k", "v", -1);
        near.drop("k");
        assertThat(local("k")).isNull();
    }

    @Test
    void aFlushDropsEverything() {
        read(near, "a", "1", -1);
        read(near, "b", "2", -1);
        near.flush();
        assertThat(local("a")).isNull();
        assertThat(local("b")).isNull();
        read(near, "a", "1", -1);
        assertThat(local("a")).as("still tracking after a flush").isEqualTo("1");
    }

    @Test
    void aSuspensionDropsEverythingAndKeepsNothingUntilResumed() {
        read(near, "a", "1", -1);
        near.suspend();
        assertThat(local("a")).isNull();
        read(near, "a", "1", -1);
        assertThat(local("a")).isNull();
        near.resume();
        read(near, "a", "1", -1);
        assertThat(local("a")).isEqualTo("1");
    }

    @Test
    void countsHitsMissesInvalidationsAndFlushes() {
        read(near, "a", "1", -1);
        near.get("a");
        near.get("a");
        near.get("missing");
        near.invalidated("a");
        near.flush();
        NearCacheStatistics statistics = near.statistics();
        assertThat(statistics.hits()).isEqualTo(2);
        assertThat(statistics.misses()).isEqualTo(1);
        assertThat(statistics.invalidations()).isEqualTo(1);
        assertThat(statistics.flushes()).isEqualTo(1);
        assertThat(statistics.size()).isZero();
    }
}
