package org.cacheway.session.signed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Django's {@code django.utils.crypto.salted_hmac(key_salt, value, secret, algorithm="sha256")}: an
 * HMAC-SHA256 of the value under the key {@code SHA256(key_salt + secret)}, both UTF-8. The signer of
 * {@link Signing} and the session auth hash of {@code org.cacheway.session.auth.DjangoAuth} are two
 * uses with their own salts. Immutable and thread-safe.
 */
public final class SaltedHmac {
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    /** An HMAC for {@code keySalt} (one per use, as Django's callers pass) and {@code secret}. */
    public SaltedHmac(String keySalt, String secret) {
        Objects.requireNonNull(keySalt, "keySalt");
        Objects.requireNonNull(secret, "secret");
        this.key = new SecretKeySpec(sha256((keySalt + secret).getBytes(StandardCharsets.UTF_8)), HMAC);
    }

    /** The raw HMAC of {@code value} (UTF-8), Python's {@code salted_hmac(...).digest()}. */
    public byte[] digest(String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is unavailable", e);
        }
    }

    /** The HMAC of {@code value} as lower-case hex, Python's {@code salted_hmac(...).hexdigest()}. */
    public String hexdigest(String value) {
        return HexFormat.of().formatHex(digest(value));
    }

    /**
     * Django's {@code constant_time_compare}: whether two strings are equal, in a time that does not
     * depend on where they first differ. Null equals nothing.
     */
    public static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
