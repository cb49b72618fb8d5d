package org.cacheway.spring;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.StringJoiner;
import org.cacheway.cache.KeyWarnings;
import org.springframework.cache.interceptor.SimpleKey;

/**
 * Turns Spring's cache keys ({@code SimpleKey}, numbers, strings, any object) into stable Cacheway
 * key strings that Django's key check never warns about: characters below 33, {@code 127} and
 * {@code %} are percent-escaped (so two keys never share one string), and a key whose made form
 * would pass memcached's 250 characters is replaced by its SHA-256.
 *
 * <p>A {@code SimpleKey} (several method parameters) is written in Cacheway's own form,
 * {@code [p1,p2]}, each parameter's string with {@code ,} escaped too, rather than by its
 * {@code toString()}, which Spring has changed between versions. A string's commas and a leading
 * {@code [} are escaped, so no string reads as a {@code SimpleKey}.
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
        if (key instanceof SimpleKey simple && PARAMS != null) {
            StringJoiner joined = new StringJoiner(",", "[", "]");
            for (Object param : params(simple)) {
                joined.add(param == null ? "%00null" : of(param).replace(",", "%2C"));
            }
            return joined.toString();
        }
        String text = escape(String.valueOf(key), false).replace(",", "%2C");
        return text.startsWith("[") ? "%5B" + text.substring(1) : text;
    }

    /**
     * {@code SimpleKey}'s parameters: Spring keeps them private (since 4.0) and shows them only through
     * {@code toString()}; null when the field cannot be read, and then {@code toString()} is used.
     */
    private static final Field PARAMS = paramsField();

    private static Field paramsField() {
        try {
            Field field = SimpleKey.class.getDeclaredField("params");
            field.setAccessible(true);
            return field.getType() == Object[].class ? field : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object[] params(SimpleKey key) {
        try {
            return (Object[]) PARAMS.get(key);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read SimpleKey's parameters", e);
        }
    }

    /**
     * {@code key} itself, or its hash when the stored key, {@code madeLength} characters, would be
     * longer than memcached allows.
     */
    static String fitted(String key, int madeLength) {
        return madeLength <= KeyWarnings.MAX_KEY_LENGTH ? key : HASHED + sha256(key);
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
