package org.cacheway.cache.redis.internal;

import org.cacheway.cache.KeyFunction;
import org.cacheway.cache.base.Globs;

/**
 * The SCAN pattern of a whole {@code KEY_PREFIX}, for {@code clearPrefix}; the patterns of user
 * globs are {@link org.cacheway.cache.base.BaseCache#makePattern}'s.
 */
public final class KeyPatterns {
    private KeyPatterns() {
    }

    /**
     * The pattern of every key of a cache's {@code KEY_PREFIX}: all versions with the default key
     * function ({@code <prefix>:*}), only {@code version} with a custom one (whose layout is unknown).
     */
    public static String prefixPattern(KeyFunction keyFunction, String prefix, int version) {
        if (isDefault(keyFunction)) {
            return Globs.escape(prefix) + ":*";
        }
        if (keyFunction instanceof TaggedKeyFunction tagged && isDefault(tagged.inner()) && !prefix.isEmpty()) {
            return "{" + Globs.escape(prefix) + "}:*";
        }
        return keyFunction.makeKey("*", Globs.escape(prefix), version);
    }

    private static boolean isDefault(KeyFunction keyFunction) {
        return keyFunction == KeyFunction.DEFAULT || keyFunction instanceof org.cacheway.cache.DefaultKeyFunction;
    }
}
