package org.cacheway.examples.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The session keys {@code django.contrib.auth} uses for the logged-in user. */
final class SessionKeys {
    /** Django's {@code SESSION_KEY}: the user's primary key, as a string. */
    static final String USER_ID = "_auth_user_id";
    /** Django's {@code BACKEND_SESSION_KEY}: the authentication backend's dotted path. */
    static final String BACKEND = "_auth_user_backend";
    /** Django's {@code HASH_SESSION_KEY}: invalidates the session when the password changes. */
    static final String HASH = "_auth_user_hash";

    private static final byte[] DEMO_SECRET = "cacheway-demo-not-a-secret".getBytes(StandardCharsets.UTF_8);

    private SessionKeys() {
    }

    /** A stand-in for Django's {@code get_session_auth_hash()}: an HMAC-SHA256 of the user name. */
    static String authHash(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(DEMO_SECRET, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
