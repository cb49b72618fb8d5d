package org.cacheway.session;

import java.security.SecureRandom;

/**
 * Session keys as Django makes them: 32 characters of {@code a-z0-9} from a secure random source.
 * Cacheway accepts only keys of at least 8 such characters (Django checks only the length), so a
 * key a client made up with other characters never reaches a store.
 */
public final class SessionKeys {
    /** Django's alphabet, {@code string.ascii_lowercase + string.digits}. */
    public static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** The length of a new key. */
    public static final int LENGTH = 32;
    /** The shortest key accepted, as Django's {@code _validate_session_key}. */
    public static final int MIN_LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionKeys() {
    }

    /** A new random key. */
    public static String generate() {
        char[] key = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            key[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(key);
    }

    /** Whether {@code key} is non-null, at least 8 characters long and all {@code a-z0-9}. */
    public static boolean isValid(String key) {
        if (key == null || key.length() < MIN_LENGTH) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
