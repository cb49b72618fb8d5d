package org.cacheway.cache.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.KeyFunction;
import org.cacheway.cache.locmem.LocMemCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Redis's glob syntax as {@link Globs} reads it, and the patterns {@link BaseCache#makePattern} makes with it. */
class GlobsTest {

    @Test
    void globCharactersAreBracketedAndBackslashesDoubled() {
        assertThat(Globs.escape("a*b?c[d]")).isEqualTo("a[*]b[?]c[[]d]");
        assertThat(Globs.escape("a\\b")).isEqualTo("a\\\\b");
    }

    @Test
    void textWithoutGlobCharactersIsUnchanged() {
        String prefix = "test-prefix";
        assertThat(Globs.escape(prefix)).isSameAs(prefix);
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "*|anything|true", "*|''|true", "a*|abc|true", "a*|ba|false", "*c|abc|true", "a*c|ac|true",
        "a*c|abcd|false", "a**b|axxb|true", "a?c|abc|true", "a?c|ac|false", "?|''|false",
        "[abc]|b|true", "[abc]|d|false", "[^abc]|d|true", "[^abc]|a|false", "[a-c]x|bx|true",
        "[c-a]x|bx|true", "[a-c]x|dx|false", "a\\*b|a*b|true", "a\\*b|axb|false", "[\\]]|]|true",
        "[*]|*|true", "[*]|a|false", "[?]x|?x|true", "[[]a|[a|true", "a\\\\b|a\\b|true",
        "[ab|a|true", "abc|abc|true", "abc|abcd|false", "abcd|abc|false"})
    void matchesAsRedisScanMatchDoes(String pattern, String text, boolean matches) {
        assertThat(Globs.matches(pattern, text)).isEqualTo(matches);
    }

    @Test
    void anEscapedTextMatchesOnlyItself() {
        for (String text : new String[] {"a*", "a?b", "[x]", "c\\d", "plain"}) {
            assertThat(Globs.matches(Globs.escape(text), text)).as(text).isTrue();
            assertThat(Globs.matches(Globs.escape(text), text + "z")).as(text).isFalse();
        }
        assertThat(Globs.matches(Globs.escape("a*"), "ab")).isFalse();
        assertThat(Globs.matches(Globs.escape("a?"), "ab")).isFalse();
    }

    @Test
    void patternsEscapeThePrefixAndNamespaceButNotTheUserGlob() {
        BaseCache starred = cache("*", 1, KeyFunction.DEFAULT);
        assertThat(starred.makePattern("*")).isEqualTo("[*]:1:*");
        assertThat(cache("", 3, KeyFunction.DEFAULT).makePattern("foo*")).isEqualTo(":3:foo*");
        assertThat(((BaseCache) starred.namespace("n?")).makePattern("k*")).isEqualTo("[*]:1:n[?]:k*");
    }

    @Test
    void patternsUseACustomKeyFunction() {
        KeyFunction hashes = (key, prefix, version) -> prefix + "#" + version + "#" + key;
        assertThat(cache("p?", 2, hashes).makePattern("foo*")).isEqualTo("p[?]#2#foo*");
    }

    private static BaseCache cache(String prefix, int version, KeyFunction keyFunction) {
        return new LocMemCache(CacheSettings.builder("globs").backend(LocMemCache.class).location("globs-test")
                .keyPrefix(prefix).version(version).keyFunction(keyFunction).build());
    }
}
