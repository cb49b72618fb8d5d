package org.cacheway.examples.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Django's {@code check_password} for its default hasher, {@code PBKDF2PasswordHasher}: a stored
 * {@code pbkdf2_sha256$<iterations>$<salt>$<base64 of PBKDF2-HMAC-SHA256, 32 bytes>} is what the
 * {@code password} column of Django's {@code auth_user} holds. Other hashers are not read here.
 */
final class DjangoPasswords {
    private static final String ALGORITHM = "pbkdf2_sha256";

    private DjangoPasswords() {
    }

    /** Whether {@code password} matches {@code encoded}; false for any other format. */
    static boolean check(String password, String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || !ALGORITHM.equals(parts[0]) || !parts[1].matches("[1-9][0-9]{0,8}")) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        byte[] actual = pbkdf2(password, parts[2], Integer.parseInt(parts[1]), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String password, String salt, int iterations, int length) {
        try {
            // The JDK's PBKDF2 encodes the password characters as UTF-8, as Django does.
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                    iterations, length * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }
}
