package org.cacheway.cache.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.cacheway.cache.KeyFunction;
import org.junit.jupiter.api.Test;

class KeyPatternsTest {

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
