package org.cacheway.cache.base;

/**
 * Redis's glob patterns over keys, for stores that delete by pattern
 * ({@link CacheStore#deleteMatching}): {@code *} matches any run of characters, {@code ?} one
 * character, {@code [abc]}, {@code [a-z]} and {@code [^...]} one character of (or not of) a class,
 * and {@code \} takes the next character literally, as Redis's {@code SCAN MATCH} reads them. And
 * the escape of literal text for a pattern, as django-redis's {@code glob_escape}.
 */
public final class Globs {
    private Globs() {
    }

    /**
     * {@code text} with the glob characters {@code *}, {@code ?} and {@code [} bracketed (as
     * django-redis does) and a backslash doubled, so that it matches only itself.
     */
    public static String escape(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                if (escaped == null) {
                    escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                escaped.append(c == '\\' ? "\\\\" : "[" + c + "]");
            } else if (escaped != null) {
                escaped.append(c);
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    /** Whether the whole of {@code text} matches {@code pattern}. */
    public static boolean matches(String pattern, String text) {
        return match(pattern, 0, text, 0);
    }

    private static boolean match(String pattern, int from, String text, int at) {
        int p = from;
        int t = at;
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                while (p + 1 < pattern.length() && pattern.charAt(p + 1) == '*') {
                    p++;
                }
                if (p + 1 == pattern.length()) {
                    return true;
                }
                for (int rest = t; rest <= text.length(); rest++) {
                    if (match(pattern, p + 1, text, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (t == text.length()) {
                return false;
            }
            if (c == '[') {
                p = classEnd(pattern, p, text.charAt(t));
                if (p < 0) {
                    return false;
                }
            } else if (c == '?') {
                p++;
            } else {
                if (c == '\\' && p + 1 < pattern.length()) {
                    c = pattern.charAt(++p);
                }
                if (c != text.charAt(t)) {
                    return false;
                }
                p++;
            }
            t++;
        }
        return t == text.length();
    }

    /**
     * Matches {@code c} against the class opening at {@code open}: the index after the class, or
     * -1 when {@code c} is not in it. An unterminated class ends with the pattern, as in Redis.
     */
    private static int classEnd(String pattern, int open, char c) {
        int i = open + 1;
        boolean negate = i < pattern.length() && pattern.charAt(i) == '^';
        if (negate) {
            i++;
        }
        boolean found = false;
        while (i < pattern.length() && pattern.charAt(i) != ']') {
            char first = pattern.charAt(i);
            if (first == '\\' && i + 1 < pattern.length()) {
                found |= pattern.charAt(i + 1) == c;
                i += 2;
            } else if (i + 2 < pattern.length() && pattern.charAt(i + 1) == '-') {
                char low = (char) Math.min(first, pattern.charAt(i + 2));
                char high = (char) Math.max(first, pattern.charAt(i + 2));
                found |= c >= low && c <= high;
                i += 3;
            } else {
                found |= first == c;
                i++;
            }
        }
        return found != negate ? Math.min(i + 1, pattern.length()) : -1;
    }
}
