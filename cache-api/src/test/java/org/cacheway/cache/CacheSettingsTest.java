package org.cacheway.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cacheway.cache.contract.CustomKeyFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One alias's settings: Django's defaults, parsing of each setting, and a configuration error that
 * names alias, setting and value for every misfit (never a bare NullPointerException or
 * ClassCastException).
 */
class CacheSettingsTest {
    private static final String LOCMEM = "django.core.cache.backends.locmem.LocMemCache";

    private static CacheSettings parse(Object... keysAndValues) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("BACKEND", LOCMEM);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            block.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return CacheSettings.fromMap("myalias", block);
    }

    @Test
    void defaultsAreDjangos() {
        CacheSettings settings = parse();
        assertThat(settings.timeout()).isEqualTo(Timeout.seconds(300));
        assertThat(settings.keyPrefix()).isEmpty();
        assertThat(settings.version()).isEqualTo(1);
        assertThat(settings.locations()).isEmpty();
        assertThat(settings.location("")).isEmpty();
        assertThat(settings.keyFunction()).isSameAs(KeyFunction.DEFAULT);
        assertThat(settings.options().asMap()).isEmpty();
    }

    @Test
    void timeoutNoneMeansNever() {
        assertThat(parse("TIMEOUT", null).timeout()).isEqualTo(Timeout.NEVER);
        assertThat(parse("TIMEOUT", "None").timeout()).isEqualTo(Timeout.NEVER);
    }

    @Test
    void timeoutAcceptsNumbersAndNumericText() {
        assertThat(parse("TIMEOUT", 60).timeout()).isEqualTo(Timeout.seconds(60));
        assertThat(parse("TIMEOUT", "60").timeout()).isEqualTo(Timeout.seconds(60));
        assertThat(parse("TIMEOUT", 0.5).timeout()).isEqualTo(Timeout.millis(500));
    }

    @Test
    void zeroTimeoutExpiresAtOnce() {
        assertThat(parse("TIMEOUT", 0).timeout().isExpired()).isTrue();
    }

    @Test
    void versionAcceptsNumericText() {
        assertThat(parse("VERSION", "3").version()).isEqualTo(3);
    }

    @Test
    void commaSeparatedLocationIsSplit() {
        assertThat(parse("LOCATION", "a,b").locations()).containsExactly("a", "b");
        assertThat(parse("LOCATION", List.of("a", "b")).locations()).containsExactly("a", "b");
    }

    @Test
    void keyFunctionByNameOrObject() {
        assertThat(parse("KEY_FUNCTION", CustomKeyFunction.class.getName()).keyFunction())
                .isInstanceOf(CustomKeyFunction.class);
        KeyFunction function = new CustomKeyFunction();
        assertThat(parse("KEY_FUNCTION", function).keyFunction()).isSameAs(function);
    }

    @Test
    void optionsAreReadWithTypes() {
        CacheSettings settings = parse("OPTIONS", Map.of("MAX_ENTRIES", "10", "FLAG", "True", "NAME", "x"));
        assertThat(settings.options().integer("MAX_ENTRIES", 0)).isEqualTo(10);
        assertThat(settings.options().bool("FLAG", false)).isTrue();
        assertThat(settings.options().string("NAME", null)).isEqualTo("x");
        assertThat(settings.options().has("MISSING")).isFalse();
    }

    @Test
    void builderBuildsTheSameAsAMap() {
        CacheSettings built = CacheSettings.builder("myalias").backend(LOCMEM).location("a").timeout(Timeout.NEVER)
                .keyPrefix("p").version(2).build();
        CacheSettings parsed = parse("LOCATION", "a", "TIMEOUT", null, "KEY_PREFIX", "p", "VERSION", 2);
        assertThat(built.toString()).isEqualTo(parsed.toString());
    }

    @Test
    void toBuilderKeepsEverySetting() {
        CacheSettings settings = parse("LOCATION", "a", "TIMEOUT", 5, "KEY_PREFIX", "p", "VERSION", 2,
                "OPTIONS", Map.of("MAX_ENTRIES", 7));
        CacheSettings copy = settings.toBuilder().build();
        assertThat(copy.toString()).isEqualTo(settings.toString());
        assertThat(copy.options().asMap()).isEqualTo(settings.options().asMap());
    }

    @Test
    void builderRejectsDefaultAsTheCacheTimeout() {
        assertThatThrownBy(() -> CacheSettings.builder("myalias").timeout(Timeout.DEFAULT))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'myalias'", "TIMEOUT", "Timeout.DEFAULT");
    }

    @Test
    void builderWithoutBackendIsAConfigurationError() {
        assertThatThrownBy(() -> CacheSettings.builder("myalias").build())
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'myalias'", "BACKEND");
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("TIMEOUT", "abc", "abc"),
                Arguments.of("TIMEOUT", List.of(1), "[1]"),
                Arguments.of("TIMEOUT", Double.NaN, "NaN"),
                Arguments.of("VERSION", "x", "x"),
                Arguments.of("VERSION", 1.5, "1.5"),
                Arguments.of("VERSION", 10_000_000_000L, "10000000000"),
                Arguments.of("OPTIONS", "MAX_ENTRIES=3", "MAX_ENTRIES=3"),
                Arguments.of("OPTIONS", Map.of(1, 2), "1"),
                Arguments.of("LOCATION", List.of(6379, 6380), "[6379, 6380]"),
                Arguments.of("LOCATION", 6379, "6379"),
                Arguments.of("LOCATION", Arrays.asList("a", null), "[a, null]"),
                Arguments.of("KEY_PREFIX", Map.of("a", "b"), "{a=b}"),
                Arguments.of("KEY_FUNCTION", "com.example.NoSuchFunction", "com.example.NoSuchFunction"),
                Arguments.of("KEY_FUNCTION", "java.lang.String", "java.lang.String"),
                Arguments.of("BACKEND", List.of("x"), "[x]"),
                Arguments.of("TIMEOUTS", 5, "5"));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("wrongTypes")
    void wrongTypeIsAConfigurationErrorNamingAliasSettingAndValue(String setting, Object value, String shown) {
        assertThatThrownBy(() -> parse(setting, value))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'myalias'", setting, shown);
    }

    @Test
    void nullBlockIsAConfigurationErrorNamingTheAlias() {
        assertThatThrownBy(() -> CacheSettings.fromMap("myalias", null))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("'myalias'");
    }

    @Test
    void wrongOptionTypeIsAConfigurationErrorNamingTheOption() {
        CacheSettings settings = parse("OPTIONS", Map.of("MAX_ENTRIES", "lots"));
        assertThatThrownBy(() -> settings.options().integer("MAX_ENTRIES", 300))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContainingAll("'myalias'", "OPTIONS", "MAX_ENTRIES", "lots");
    }

    @Test
    void messageFollowsDjangosSettingsPath() {
        assertThatThrownBy(() -> parse("VERSION", "x"))
                .hasMessageStartingWith("CACHES['myalias']['VERSION'] = 'x': ");
    }
}
