package org.cacheway.spring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.cacheway.cache.KeyWarnings;

/**
 * Turns Spring's cache keys ({@code SimpleKey}, numbers, strings, any object) into stable Cacheway
 * key strings that Django's key check never warns about: characters below 33, {@code 127} and
 * {@code %} are percent-escaped (so the form is reversible and two keys never share one string),
 * and a key whose made form would pass memcached's 250 characters is replaced by its SHA-256.
 */
final class SpringKeys {
    /**
     * Starts a hashed key. Never part of an escaped key, where every {@code %} is followed by two
     * hexadecimal digits, so a hashed key cannot collide with a plain one.
     */
    static final String HASHED = "%#";

    private SpringKeys() {
    }

    /** The key string for {@code key}, made with {@code toString()} for anything but a string. */
    static String of(Object key) {
        if (key == null) {
            throw new IllegalArgumentException("a Spring cache key must not be null");
        }
        return escape(key instanceof String text ? text : String.valueOf(key), false);
    }

    /**
     * {@code key} itself, or its hash when the stored key {@code made} would be longer than
     * memcached allows.
     */
    static String fitted(String key, String made) {
        return made.length() <= KeyWarnings.MAX_KEY_LENGTH ? key : HASHED + sha256(key);
    }

    /**
     * Percent-escapes characters Django's key check warns about and {@code %} itself; with
     * {@code colon}, {@code :} too (for namespace names, which a colon ends).
     */
    static String escape(String text, boolean colon) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean escaped = c < 33 || c == 127 || c == '%' || (colon && c == ':');
            if (escaped && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (escaped) {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
