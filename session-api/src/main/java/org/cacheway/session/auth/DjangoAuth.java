package org.cacheway.session.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.cacheway.session.Session;
import org.cacheway.session.SessionConfigurationException;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.signed.SaltedHmac;

/**
 * Django's logins in a shared session ({@code django.contrib.auth.login}, {@code logout} and
 * {@code get_user}), so a user logged in by Django is logged in for Java and the reverse. The
 * session holds the user's primary key as a string ({@link #SESSION_KEY}), the backend's dotted
 * path ({@link #BACKEND_SESSION_KEY}) and the session auth hash ({@link #HASH_SESSION_KEY}): an
 * HMAC of the user's password hash under {@code SECRET_KEY}, so changing the password logs out
 * every session, Java's as well as Django's. Java needs what Django has: the same
 * {@code SECRET_KEY} and the user's primary key and password hash (the {@code password} column
 * of {@code auth_user}). Immutable and thread-safe.
 *
 * <pre>{@code
 * DjangoAuth auth = DjangoAuth.fromSettings(sessions.settings());      // SECRET_KEY
 * auth.login(session, "42", user.passwordHash());                      // after checking the password
 * Optional<String> userId = auth.getUser(session, id -> users.passwordHashOf(id));
 * DjangoAuth.logout(session);
 * }</pre>
 */
public final class DjangoAuth {
    /** Django's {@code SESSION_KEY}: the logged-in user's primary key, as a string. */
    public static final String SESSION_KEY = "_auth_user_id";
    /** Django's {@code BACKEND_SESSION_KEY}: the dotted path of the backend that authenticated the user. */
    public static final String BACKEND_SESSION_KEY = "_auth_user_backend";
    /** Django's {@code HASH_SESSION_KEY}: the session auth hash the user's password hash gives. */
    public static final String HASH_SESSION_KEY = "_auth_user_hash";
    /** Django's default and usual backend, {@code django.contrib.auth.backends.ModelBackend}. */
    public static final String MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend";
    private final SaltedHmac current;
    private final List<SaltedHmac> fallbacks;
    private final List<String> backends;

    private DjangoAuth(SaltedHmac current, List<SaltedHmac> fallbacks, List<String> backends) {
        this.current = current;
        this.fallbacks = fallbacks;
        this.backends = backends;
    }

    /**
     * Logins under {@code secretKey} (Django's {@code SECRET_KEY}), with Django's default
     * {@code AUTHENTICATION_BACKENDS} ({@link #MODEL_BACKEND}) and no fallback keys.
     *
     * @throws SessionConfigurationException naming {@code SECRET_KEY} when it is null or empty
     */
    public static DjangoAuth withSecretKey(String secretKey) {
        return new DjangoAuth(hmac("SECRET_KEY", secretKey), List.of(), List.of(MODEL_BACKEND));
    }

    /**
     * Logins under the settings' {@code SECRET_KEY}.
     *
     * @throws SessionConfigurationException naming {@code SECRET_KEY} when the settings have none
     */
    public static DjangoAuth fromSettings(SessionSettings settings) {
        return withSecretKey(settings.secretKey());
    }

    /**
     * A copy that also accepts hashes made under older keys, as Django 4.1.8+ does with
     * {@code SECRET_KEY_FALLBACKS}: such a session stays logged in, gets a new key and the current hash.
     *
     * @throws SessionConfigurationException naming {@code SECRET_KEY_FALLBACKS} for a null or empty key
     */
    public DjangoAuth withSecretKeyFallbacks(List<String> oldKeys) {
        List<SaltedHmac> hmacs = new ArrayList<>();
        for (String key : Objects.requireNonNull(oldKeys, "oldKeys")) {
            hmacs.add(hmac("SECRET_KEY_FALLBACKS", key));
        }
        return new DjangoAuth(current, List.copyOf(hmacs), backends);
    }

    /**
     * A copy with Django's {@code AUTHENTICATION_BACKENDS}: {@link #getUser} accepts only sessions
     * whose backend is listed, and {@link #login(Session, String, String)} needs exactly one.
     *
     * @throws SessionConfigurationException naming {@code AUTHENTICATION_BACKENDS} when empty or with a blank entry
     */
    public DjangoAuth withAuthenticationBackends(List<String> dottedPaths) {
        if (dottedPaths == null || dottedPaths.isEmpty() || dottedPaths.stream().anyMatch(DjangoAuth::blank)) {
            throw SessionConfigurationException.of("AUTHENTICATION_BACKENDS", dottedPaths,
                    "must list at least one backend's dotted path, none blank");
        }
        return new DjangoAuth(current, fallbacks, List.copyOf(dottedPaths));
    }

    /**
     * Django's {@code user.get_session_auth_hash()}: the hex HMAC-SHA256 of {@code passwordHash}
     * (the {@code password} column as stored) under {@code SECRET_KEY}.
     *
     * @throws DjangoAuthException when {@code passwordHash} is null
     */
    public String sessionAuthHash(String passwordHash) {
        if (passwordHash == null) {
            throw new DjangoAuthException("passwordHash = None: give the user's stored password hash"
                    + " (auth_user.password), such as 'pbkdf2_sha256$...'");
        }
        return current.hexdigest(passwordHash);
    }

    /**
     * {@link #login(Session, String, String, String)} with the one configured backend, as Django
     * does when {@code AUTHENTICATION_BACKENDS} has a single entry.
     *
     * @throws DjangoAuthException when several backends are configured, or for bad input
     */
    public void login(Session session, String userId, String passwordHash) {
        if (backends.size() != 1) {
            throw new DjangoAuthException("AUTHENTICATION_BACKENDS = " + backends
                    + ": several backends are configured, so login needs the backend's dotted path");
        }
        login(session, userId, backends.get(0), passwordHash);
    }

    /**
     * Django's {@code login(request, user, backend)}, on the session: when it already holds a user,
     * it is flushed if that is another user or the hash differs (a fresh session; the old data
     * goes), and otherwise left as it is; when it holds no user its key is cycled (the data stays,
     * under a new key: the defence against session fixation). Then the user's id, the backend and
     * the session auth hash are stored. Save the session (the web filter does) to keep them.
     *
     * @param userId the user's primary key as Django writes it ({@code str(user.pk)})
     * @param backend the dotted path of the authenticating backend
     * @param passwordHash the user's stored password hash
     * @throws DjangoAuthException for a null or empty id or backend, or a null hash; the session is untouched
     */
    public void login(Session session, String userId, String backend, String passwordHash) {
        Objects.requireNonNull(session, "session");
        if (blank(userId)) {
            throw new DjangoAuthException("userId = " + shown(userId) + ": give the user's primary key as a string");
        }
        if (blank(backend)) {
            throw new DjangoAuthException("backend = " + shown(backend)
                    + ": give the backend's dotted path, such as '" + MODEL_BACKEND + "'");
        }
        String hash = sessionAuthHash(passwordHash);
        if (session.containsKey(SESSION_KEY)) {
            if (!userId.equals(sessionUserId(session).orElse(null))
                    || !SaltedHmac.constantTimeEquals(storedHash(session), hash)) {
                session.flush();
            }
        } else {
            session.cycleKey();
        }
        session.put(SESSION_KEY, userId);
        session.put(BACKEND_SESSION_KEY, backend);
        session.put(HASH_SESSION_KEY, hash);
    }

    /** Django's {@code logout(request)} on the session: {@link Session#flush()}, data and record gone. */
    public static void logout(Session session) {
        session.flush();
    }

    /**
     * The user id the session claims, unverified (Django's {@code _get_user_session_key}): the
     * string stored under {@link #SESSION_KEY} (a number is given as its digits), or empty. Use it
     * to look the user up, then {@link #getUser} to verify the session.
     */
    public static Optional<String> sessionUserId(Session session) {
        Object id = session.get(SESSION_KEY);
        return id instanceof String || id instanceof Number ? Optional.of(id.toString()) : Optional.empty();
    }

    /**
     * Django's {@code get_user(request)}: the logged-in user's id when the session names a user and
     * a configured backend, the user exists ({@code passwordHashOf} gives their current password
     * hash, or null when there is no such user) and the stored hash verifies. A hash that does not
     * verify flushes the session, as Django does, so a password changed on either side logs the
     * session out; a hash made under a fallback key is renewed under a new session key.
     */
    public Optional<String> getUser(Session session, Function<String, String> passwordHashOf) {
        Optional<String> userId = sessionUserId(session);
        if (userId.isEmpty() || !backends.contains(String.valueOf(session.get(BACKEND_SESSION_KEY)))) {
            return Optional.empty();
        }
        String passwordHash = passwordHashOf.apply(userId.get());
        if (passwordHash == null) {
            return Optional.empty();
        }
        String stored = storedHash(session);
        String hash = current.hexdigest(passwordHash);
        if (!stored.isEmpty() && SaltedHmac.constantTimeEquals(stored, hash)) {
            return userId;
        }
        if (!stored.isEmpty() && madeUnderFallback(stored, passwordHash)) {
            session.cycleKey();
            session.put(HASH_SESSION_KEY, hash);
            return userId;
        }
        session.flush();
        return Optional.empty();
    }

    private boolean madeUnderFallback(String stored, String passwordHash) {
        return fallbacks.stream().anyMatch(old -> SaltedHmac.constantTimeEquals(stored, old.hexdigest(passwordHash)));
    }

    private static String storedHash(Session session) {
        return session.get(HASH_SESSION_KEY) instanceof String stored ? stored : "";
    }

    private static SaltedHmac hmac(String setting, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw SessionConfigurationException.of(setting, secret, "must not be empty: use the Django app's "
                    + setting + ", which the session auth hash is made with");
        }
        // The key salt of AbstractBaseUser.get_session_auth_hash.
        return new SaltedHmac("django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash", secret);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String shown(String value) {
        return value == null ? "None" : "'" + value + "'";
    }

    @Override
    public String toString() {
        return "DjangoAuth{SECRET_KEY=***, SECRET_KEY_FALLBACKS=" + fallbacks.size() + " key(s), AUTHENTICATION_BACKENDS="
                + backends + "}";
    }
}
