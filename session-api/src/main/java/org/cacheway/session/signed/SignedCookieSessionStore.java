package org.cacheway.session.signed;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.cacheway.cache.Caches;
import org.cacheway.session.SessionConfigurationException;
import org.cacheway.session.SessionKeys;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.SessionStore;

/**
 * Django's signed-cookie engine ({@code django.contrib.sessions.backends.signed_cookies}): the
 * cookie value is the data itself, signed with {@code SECRET_KEY} in Django's exact
 * {@code signing.dumps} format, so Django and Cacheway read each other's cookies. Nothing is kept
 * server-side; a tampered or expired cookie ({@code SESSION_COOKIE_AGE}) loads as an empty session.
 * As in Django, a custom expiry does not shorten the signature's validity (ticket #19201).
 */
public final class SignedCookieSessionStore implements SessionStore {
    /** The salt Django uses for session cookies. */
    public static final String SALT = "django.contrib.sessions.backends.signed_cookies";

    private final Signing signing;
    private final long maxAge;

    /** The engine as {@code SESSION_ENGINE} builds it; {@code caches} is not used. */
    public SignedCookieSessionStore(SessionSettings settings, Caches caches) {
        this(settings, Clock.systemUTC());
    }

    /**
     * An engine signing with {@code SECRET_KEY}, timestamps from {@code clock}.
     *
     * @throws SessionConfigurationException when {@code SECRET_KEY} is unset or empty
     */
    public SignedCookieSessionStore(SessionSettings settings, Clock clock) {
        if (settings.secretKey() == null || settings.secretKey().isEmpty()) {
            throw SessionConfigurationException.of("SECRET_KEY", settings.secretKey(),
                    "the signed-cookie session engine needs a non-empty SECRET_KEY");
        }
        this.signing = new Signing(settings.secretKey(), SALT, clock);
        this.maxAge = settings.cookieAge();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> load(String key) {
        try {
            Object data = signing.loads(key, maxAge);
            return data instanceof Map ? Optional.of((Map<String, Object>) data) : Optional.empty();
        } catch (BadSignatureException e) {
            return Optional.empty();
        }
    }

    /** Always false: there are no server-side records. */
    @Override
    public boolean exists(String key) {
        return false;
    }

    /** Signs the data; the result is the new cookie value. */
    @Override
    public String save(String key, Map<String, Object> data, long expiryAge, boolean mustCreate) {
        return signing.dumps(data);
    }

    @Override
    public String create(Map<String, Object> data, long expiryAge) {
        return signing.dumps(data);
    }

    /** Nothing to delete server-side; the session empties its key and data. */
    @Override
    public void delete(String key) {
        // Stateless.
    }

    @Override
    public void clearExpired() {
        // Stateless.
    }

    /** Django's rule only (truthy, at least 8 characters): the cookie carries base64 and colons. */
    @Override
    public boolean isValidKey(String key) {
        return key != null && key.length() >= SessionKeys.MIN_LENGTH;
    }

    @Override
    public boolean isStateless() {
        return true;
    }
}
