package org.cacheway.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.cache.interceptor.SimpleKey;

/** The key strings Spring keys become: a stored format, so pinned here. */
class SpringKeysTest {

    @Test
    void plainStringIsKeptAsItIs() {
        assertThat(SpringKeys.of("user:42")).isEqualTo("user:42");
    }

    @Test
    void numbersAndSimpleKeysUseTheirText() {
        assertThat(SpringKeys.of(42L)).isEqualTo("42");
        assertThat(SpringKeys.of(new SimpleKey("a", 1))).isEqualTo("[a,1]");
        assertThat(SpringKeys.of(SimpleKey.EMPTY)).isEqualTo("[]");
        assertThat(SpringKeys.of(new SimpleKey("a b", null, new SimpleKey("x", 2)))).isEqualTo("[a%20b,%00null,[x%2C2]]");
    }

    @Test
    void noStringReadsAsASimpleKey() {
        assertThat(SpringKeys.of("[a,1]")).isEqualTo("%5Ba%2C1]");
        assertThat(SpringKeys.of(new SimpleKey("a,1"))).isEqualTo("[a%2C1]").isNotEqualTo(SpringKeys.of("[a,1]"));
        assertThat(SpringKeys.of(new SimpleKey("a", "b"))).isNotEqualTo(SpringKeys.of(new SimpleKey("a,b")));
    }

    @Test
    void charactersDjangoWarnsAboutAndThePercentSignAreEscaped() {
        assertThat(SpringKeys.of("a b\t\u007f%")).isEqualTo("a%20b%09%7F%25");
        assertThat(SpringKeys.of("a%20b")).isNotEqualTo(SpringKeys.of("a b"));
    }

    @Test
    void namespaceNamesEscapeTheColonThatEndsThem() {
        assertThat(SpringKeys.escape("a:b", true)).isEqualTo("a%3Ab");
    }

    @Test
    void keyTooLongForMemcachedIsHashedStably() {
        String key = "x".repeat(300);
        String fitted = SpringKeys.fitted(key, 310);
        assertThat(fitted).startsWith(SpringKeys.HASHED).hasSize(2 + 64).isEqualTo(SpringKeys.fitted(key, 310));
        assertThat(SpringKeys.fitted("short", 20)).isEqualTo("short");
    }

    @Test
    void nullKeyIsRefused() {
        assertThatThrownBy(() -> SpringKeys.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
    }
}
