package org.cacheway.cache.redis.internal.near;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.junit.jupiter.api.Test;

/** {@code OPTIONS['NEAR_CACHE']}: a nested map parsed once into a value, with errors naming alias, option and value. */
class NearCacheConfigTest {

    private static NearCacheConfig read(Object nearCache) {
        Map<String, Object> options = new HashMap<>();
        options.put("NEAR_CACHE", nearCache);
        return NearCacheConfig.of(CacheSettings.fromMap("sessions", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", "redis://127.0.0.1:1/0", "OPTIONS", options)));
    }

    @Test
    void isOffWhenNotGiven() {
        assertThat(NearCacheConfig.of(CacheSettings.fromMap("default", Map.of("BACKEND", "x")))).isNull();
    }

    @Test
    void isOffWhenFalseOrNone() {
        assertThat(read(false)).isNull();
        assertThat(read("None")).isNull();
    }

    @Test
    void trueOrAnEmptyMapMeansTheDefaults() {
        NearCacheConfig defaults = new NearCacheConfig(10_000, null, NearCacheConfig.Mode.DEFAULT);
        assertThat(read(true)).isEqualTo(defaults);
        assertThat(read(Map.of())).isEqualTo(defaults);
    }

    @Test
    void readsEveryEntry() {
        assertThat(read(Map.of("MAX_ENTRIES", 1000, "TIMEOUT", 60, "MODE", "broadcast")))
                .isEqualTo(new NearCacheConfig(1000, Duration.ofSeconds(60), NearCacheConfig.Mode.BROADCAST));
    }

    @Test
    void acceptsDjangosLooseTypingFromPropertiesFiles() {
        assertThat(read(Map.of("MAX_ENTRIES", "500", "TIMEOUT", "0.25", "MODE", "Default")))
                .isEqualTo(new NearCacheConfig(500, Duration.ofMillis(250), NearCacheConfig.Mode.DEFAULT));
    }

    @Test
    void aTimeoutOfNoneMeansNoCap() {
        Map<String, Object> nearCache = new HashMap<>();
        nearCache.put("TIMEOUT", null);
        assertThat(read(nearCache).timeout()).isNull();
        assertThat(read(Map.of("TIMEOUT", "None")).timeout()).isNull();
    }

    @Test
    void aBadMaxEntriesNamesAliasOptionEntryAndValue() {
        assertThatThrownBy(() -> read(Map.of("MAX_ENTRIES", 0)))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHES['sessions']['OPTIONS']['NEAR_CACHE']")
                .hasMessageContaining("MAX_ENTRIES = 0").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> read(Map.of("MAX_ENTRIES", "many")))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("MAX_ENTRIES = 'many'");
    }

    @Test
    void aBadTimeoutIsAConfigurationError() {
        assertThatThrownBy(() -> read(Map.of("TIMEOUT", -1)))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("TIMEOUT = -1").hasMessageContaining("positive number of seconds");
        assertThatThrownBy(() -> read(Map.of("TIMEOUT", "soon")))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("TIMEOUT = 'soon'");
    }

    @Test
    void aBadModeIsAConfigurationError() {
        assertThatThrownBy(() -> read(Map.of("MODE", "optin")))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("MODE = 'optin'").hasMessageContaining("\"default\" or \"broadcast\"");
    }

    @Test
    void anUnknownEntryIsAConfigurationErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> read(Map.of("MAX_ENTRY", 5)))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("unknown entry 'MAX_ENTRY'").hasMessageContaining("[MAX_ENTRIES, MODE, TIMEOUT]");
    }

    @Test
    void aValueThatIsNeitherMapNorBooleanIsAConfigurationError() {
        assertThatThrownBy(() -> read(10_000))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("NEAR_CACHE").hasMessageContaining("expected a map");
    }
}
