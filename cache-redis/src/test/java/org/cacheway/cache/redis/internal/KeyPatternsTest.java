package org.cacheway.cache.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.cacheway.cache.KeyFunction;
import org.junit.jupiter.api.Test;

class KeyPatternsTest {

    @Test
    void globCharactersAreBracketed() {
        assertThat(KeyPatterns.globEscape("a*b?c[d]")).isEqualTo("a[*]b[?]c[[]d]");
    }

    @Test
    void textWithoutGlobCharactersIsUnchanged() {
        String prefix = "test-prefix";
        assertThat(KeyPatterns.globEscape(prefix)).isSameAs(prefix);
    }

    @Test
    void patternEscapesThePrefixButNotTheUserGlob() {
        assertThat(KeyPatterns.makePattern(KeyFunction.DEFAULT, "*", "*", 1)).isEqualTo("[*]:1:*");
        assertThat(KeyPatterns.makePattern(KeyFunction.DEFAULT, "foo*", "", 3)).isEqualTo(":3:foo*");
    }

    @Test
    void patternUsesACustomKeyFunction() {
        KeyFunction hashes = (key, prefix, version) -> prefix + "#" + version + "#" + key;
        assertThat(KeyPatterns.makePattern(hashes, "foo*", "p?", 2)).isEqualTo("p[?]#2#foo*");
    }

    @Test
    void prefixPatternCoversEveryVersionWithTheDefaultKeyFunction() {
        assertThat(KeyPatterns.prefixPattern(KeyFunction.DEFAULT, "my[app", 1)).isEqualTo("my[[]app:*");
    }

    @Test
    void prefixPatternCoversOneVersionWithACustomKeyFunction() {
        KeyFunction custom = (key, prefix, version) -> "CUSTOM-" + prefix + "-" + version + "-" + key;
        assertThat(KeyPatterns.prefixPattern(custom, "p", 4)).isEqualTo("CUSTOM-p-4-*");
    }
}
