package org.cacheway.session;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The engine SPI, Django's {@code SessionBase} storage half: how one kind of store loads, creates,
 * saves and deletes session records. {@link Session} holds the semantics (flags, expiry, lazy load,
 * key cycling); a store only says how its records are kept. Implementations are thread-safe and
 * pass {@code SessionStoreContractTest}.
 *
 * <p>An engine is named in {@code SESSION_ENGINE} by its class name (or a Django dotted alias) and
 * needs a public constructor taking {@code (SessionSettings, org.cacheway.cache.Caches)}.
 */
public interface SessionStore {
    /** Django's bound on create attempts before giving up. */
    int MAX_CREATE_ATTEMPTS = 10_000;

    /** Django's message when no unique key could be stored. */
    String CREATE_FAILED_MESSAGE = "Unable to create a new session key. It is likely that the cache is unavailable.";

    /**
     * The data stored under {@code key}, or empty when it is unknown, expired or undecodable.
     *
     * @throws SessionDataException for undecodable data, only under {@code SESSION_STRICT_DATA}
     */
    Optional<Map<String, Object>> load(String key);

    /** Whether a record exists under {@code key}. */
    boolean exists(String key);

    /**
     * Stores {@code data} under {@code key}.
     *
     * @param expiryAge the record's time to live in seconds (zero or negative: it expires at once)
     * @param mustCreate create only: never overwrite an existing record
     * @return the key the data now lives under ({@code key} itself, except for stateless engines)
     * @throws SessionCreateException when {@code mustCreate} and the key exists
     * @throws SessionUpdateException when not {@code mustCreate} and the record vanished
     */
    String save(String key, Map<String, Object> data, long expiryAge, boolean mustCreate);

    /**
     * Saves an existing record knowing what changed since it was loaded; stores that write deltas
     * override this, the others write everything.
     *
     * @throws SessionUpdateException when the record vanished
     */
    default String save(String key, Map<String, Object> data, SessionDelta delta, long expiryAge) {
        return save(key, data, expiryAge, false);
    }

    /** Removes the record under {@code key}, if any. */
    void delete(String key);

    /** Removes expired records where the store does not expire them itself (usually a no-op). */
    void clearExpired();

    /** A fresh candidate key; stores may override it (tests inject collisions this way). */
    default String newKey() {
        return SessionKeys.generate();
    }

    /**
     * How a fixed expiry date is kept in {@code _session_expiry} by this store, so that the Django
     * app sharing it can read it back: by default newer Django's ISO-8601 string
     * ({@link SessionExpiry#format(Instant)}), the only form JSON has. A store whose serializer
     * keeps Python datetimes (pickle) returns {@link SessionExpiry#dateValue(Instant)}, which every
     * Django version reads back, where Django 3.2 cannot re-save a string.
     */
    default Object expiryDate(Instant date) {
        return SessionExpiry.format(date);
    }

    /** Whether a key a client sent may be looked up in this store. */
    default boolean isValidKey(String key) {
        return SessionKeys.isValid(key);
    }

    /**
     * Whether the key is the data itself (signed cookies): nothing is kept server-side, a failed
     * load keeps the key and marks the session modified, and saving recomputes the key.
     */
    default boolean isStateless() {
        return false;
    }

    /**
     * Stores {@code data} under a new unique key, never overwriting, as Django's {@code create()}:
     * up to {@link #MAX_CREATE_ATTEMPTS} candidates, skipping existing ones and retrying on
     * {@link SessionCreateException}.
     *
     * @return the new key
     * @throws SessionException with {@link #CREATE_FAILED_MESSAGE} when every attempt failed
     */
    default String create(Map<String, Object> data, long expiryAge) {
        for (int attempt = 0; attempt < MAX_CREATE_ATTEMPTS; attempt++) {
            String key = newKey();
            if (exists(key)) {
                continue;
            }
            try {
                return save(key, data, expiryAge, true);
            } catch (SessionCreateException taken) {
                // Another writer took the key between exists() and save(): try another one.
            }
        }
        throw new SessionException(CREATE_FAILED_MESSAGE);
    }
}
