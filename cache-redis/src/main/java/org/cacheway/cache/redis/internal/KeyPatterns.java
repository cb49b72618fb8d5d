package org.cacheway.cache.redis.internal;

import org.cacheway.cache.KeyFunction;

/**
 * SCAN patterns made as django-redis's {@code make_pattern}: the key function applied to the
 * user's glob (left as is: it is the pattern), the glob-escaped {@code KEY_PREFIX} and the version,
 * so a cache whose prefix is {@code *} cannot match another prefix's keys.
 */
public final class KeyPatterns {
    private KeyPatterns() {
    }

    /** Escapes Redis glob characters as django-redis's {@code glob_escape}: {@code *}, {@code ?} and {@code [} are bracketed. */
    public static String globEscape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                escaped.append('[').append(c).append(']');
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** The pattern matching the user's {@code glob} under {@code prefix} and {@code version}. */
    public static String makePattern(KeyFunction keyFunction, String glob, String prefix, int version) {
        return keyFunction.makeKey(glob, globEscape(prefix), version);
    }

    /**
     * The pattern of every key of a cache's {@code KEY_PREFIX}: all versions with the default key
     * function ({@code <prefix>:*}), only {@code version} with a custom one (whose layout is unknown).
     */
    public static String prefixPattern(KeyFunction keyFunction, String prefix, int version) {
        if (isDefault(keyFunction)) {
            return globEscape(prefix) + ":*";
        }
        if (keyFunction instanceof TaggedKeyFunction tagged && isDefault(tagged.inner()) && !prefix.isEmpty()) {
            return "{" + globEscape(prefix) + "}:*";
        }
        return makePattern(keyFunction, "*", prefix, version);
    }

    private static boolean isDefault(KeyFunction keyFunction) {
        return keyFunction == KeyFunction.DEFAULT || keyFunction instanceof org.cacheway.cache.DefaultKeyFunction;
    }
}
