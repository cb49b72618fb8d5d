package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.KeyFunction;
import org.junit.jupiter.api.Test;

/**
 * The contract of the {@link KeyFunction} SPI ({@code KEY_FUNCTION}, {@code REVERSE_KEY_FUNCTION}):
 * the made key is the documented one, {@link KeyFunction#reverseKey} gives the user's key back,
 * and no two (key, prefix, version) combinations share a made key, so versions and prefixes never
 * see each other's values. An implementation's test class extends this, names its published
 * examples and, if it must, narrows the prefixes it supports.
 */
public abstract class KeyFunctionContract {

    /** The key function under test. */
    protected abstract KeyFunction keyFunction();

    /** One published example of the function: what it makes of a key, prefix and version. */
    public record Example(String key, String prefix, int version, String made) {
    }

    /** The function's published examples. */
    protected abstract List<Example> examples();

    /** The prefixes the function reverses correctly (the default scheme: any without {@code ':'}). */
    protected List<String> prefixes() {
        return List.of("", "cacheprefix", "app_1", "清");
    }

    /** Keys as users write them, including the separators key functions use. */
    protected List<String> keys() {
        return List.of("k", "answer1", "with:colons:in", "with-dashes-in", "with spaces", "Iñtërnâtiônàlizætiøn",
                "a".repeat(300), "");
    }

    /** Versions as Django allows them, including those decrVersion reaches. */
    protected List<Integer> versions() {
        return List.of(1, 2, 10, 0, -1);
    }

    @Test
    void makesThePublishedKeys() {
        KeyFunction function = keyFunction();
        assertThat(examples()).isNotEmpty();
        for (Example example : examples()) {
            assertThat(function.makeKey(example.key(), example.prefix(), example.version())).as("%s", example)
                    .isEqualTo(example.made());
        }
    }

    @Test
    void reverseKeyGivesTheUsersKeyBack() {
        KeyFunction function = keyFunction();
        for (String prefix : prefixes()) {
            for (int version : versions()) {
                for (String key : keys()) {
                    String made = function.makeKey(key, prefix, version);
                    assertThat(function.reverseKey(made)).as("reverse of %s", made).isEqualTo(key);
                }
            }
        }
    }

    @Test
    void madeKeysNeverCollideAcrossKeysPrefixesAndVersions() {
        KeyFunction function = keyFunction();
        Map<String, String> owners = new HashMap<>();
        for (String prefix : prefixes()) {
            for (int version : versions()) {
                for (String key : keys()) {
                    String combination = "(" + key + ", " + prefix + ", " + version + ")";
                    String earlier = owners.put(function.makeKey(key, prefix, version), combination);
                    assertThat(earlier).as("made key of %s", combination).isNull();
                }
            }
        }
    }

    @Test
    void madeKeyHoldsThePrefixTheVersionAndTheKey() {
        String made = keyFunction().makeKey("answer", "cacheprefix", 42);
        assertThat(made).contains("cacheprefix").contains("42").contains("answer");
    }

    @Test
    void sameArgumentsMakeTheSameKey() {
        KeyFunction function = keyFunction();
        assertThat(function.makeKey("answer", "cacheprefix", 3)).isEqualTo(function.makeKey("answer", "cacheprefix", 3));
    }
}
