package org.cacheway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Declared, typed OPTIONS: parsed once, checked, defaulted, and the unknown check derived from declarations. */
class CacheOptionTest {
    private static final CacheOption<Integer> ITERSIZE = CacheOption.integer("SCAN_ITERSIZE", 10)
            .check(n -> n >= 1, "at least 1");
    private static final CacheOption<Duration> TIMEOUT = CacheOption.seconds("SOCKET_TIMEOUT", Duration.ofSeconds(60));

    private static CacheSettings settings(Map<String, Object> options) {
        return CacheSettings.fromMap("default", Map.of("BACKEND", "locmem", "OPTIONS", options));
    }

    @Test
    void anUnsetOptionReadsAsItsDefault() {
        assertThat(ITERSIZE.read(settings(Map.of()))).isEqualTo(10);
        assertThat(ITERSIZE.isSet(settings(Map.of()))).isFalse();
    }

    @Test
    void aGivenOptionIsParsedWithDjangosLooseTyping() {
        assertThat(ITERSIZE.read(settings(Map.of("SCAN_ITERSIZE", "25")))).isEqualTo(25);
        assertThat(TIMEOUT.read(settings(Map.of("SOCKET_TIMEOUT", 0.25)))).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aValueFailingItsCheckNamesAliasOptionValueAndExpectation() {
        assertThatThrownBy(() -> ITERSIZE.read(settings(Map.of("SCAN_ITERSIZE", 0))))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("default").hasMessageContaining("SCAN_ITERSIZE")
                .hasMessageContaining("0").hasMessageContaining("at least 1");
        assertThatThrownBy(() -> TIMEOUT.read(settings(Map.of("SOCKET_TIMEOUT", -1))))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("positive number of seconds");
    }

    @Test
    void theUnknownCheckRejectsUndeclaredNamesAndListsTheKnownOnes() {
        CacheSettings typo = settings(Map.of("SCAN_ITERSIZ", 5));
        assertThatThrownBy(() -> CacheOption.checkKnown(typo, List.of(ITERSIZE, TIMEOUT), Map.of()))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("SCAN_ITERSIZ").hasMessageContaining("[SCAN_ITERSIZE, SOCKET_TIMEOUT]");
    }

    @Test
    void theUnknownCheckAcceptsDeclaredAndIgnoredNames() {
        CacheSettings given = settings(Map.of("SCAN_ITERSIZE", 5, "PARSER_CLASS", "x"));
        CacheOption.checkKnown(given, List.of(ITERSIZE), Map.of("PARSER_CLASS", "no meaning on Lettuce"));
        assertThat(ITERSIZE.read(given)).isEqualTo(5);
    }
}
