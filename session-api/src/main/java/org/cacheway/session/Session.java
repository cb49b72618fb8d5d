package org.cacheway.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * One user's session with Django's {@code SessionBase} semantics: a lazily loaded attribute map in
 * Django's JSON data model, the {@code accessed}/{@code modified} flags the web filter acts on, the
 * expiry policy, and key cycling. Obtain one from {@link Sessions}; one instance serves one request
 * and is not thread-safe.
 *
 * <p>Any data access (reads included) sets {@link #isAccessed()}; writes set {@link #isModified()}.
 * The store is read on first data access, and only when the session has a key.
 */
public final class Session {
    private final SessionStore store;
    private final SessionSettings settings;
    private final Clock clock;
    private String sessionKey;
    private Map<String, Object> cache;
    private boolean accessed;
    private boolean modified;
    private final Set<String> changed = new HashSet<>();
    private final Set<String> removed = new HashSet<>();
    private boolean replaced;

    /**
     * A session over {@code store} for the key a client sent; an invalid key is dropped, so the
     * session starts with no key. Nothing is read until the data is used.
     */
    public Session(SessionStore store, SessionSettings settings, String sessionKey, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessionKey = sessionKey != null && store.isValidKey(sessionKey) ? sessionKey : null;
    }

    // ---- the attribute map -----------------------------------------------------------------

    /** The value of {@code key}, or null. */
    public Object get(String key) {
        return data().get(key);
    }

    /** The value of {@code key}, or {@code defaultValue} when absent. */
    public Object get(String key, Object defaultValue) {
        Map<String, Object> data = data();
        return data.containsKey(key) ? data.get(key) : defaultValue;
    }

    /** Sets {@code key} to {@code value} ({@code s[key] = value}); marks the session modified. */
    public void put(String key, Object value) {
        data().put(Objects.requireNonNull(key, "key"), value);
        changed(key);
        modified = true;
    }

    /** Same as {@link #put(String, Object)}. */
    public void set(String key, Object value) {
        put(key, value);
    }

    /**
     * Removes {@code key} ({@code del s[key]}); marks the session modified.
     *
     * @throws NoSuchElementException when absent (Django's {@code KeyError})
     */
    public void remove(String key) {
        pop(key);
    }

    /**
     * Removes {@code key} and returns its value; modified only when it was present.
     *
     * @throws NoSuchElementException when absent (Django's {@code KeyError})
     */
    public Object pop(String key) {
        Map<String, Object> data = data();
        if (!data.containsKey(key)) {
            throw new NoSuchElementException(key);
        }
        return pop(key, null);
    }

    /** Removes {@code key} and returns its value, or {@code defaultValue} when absent (then not modified). */
    public Object pop(String key, Object defaultValue) {
        Map<String, Object> data = data();
        if (!data.containsKey(key)) {
            return defaultValue;
        }
        Object value = data.remove(key);
        removed.add(key);
        changed.remove(key);
        modified = true;
        return value;
    }

    /** The value of {@code key}; when absent, stores {@code value} (modified) and returns it. */
    public Object setDefault(String key, Object value) {
        Map<String, Object> data = data();
        if (data.containsKey(key)) {
            return data.get(key);
        }
        put(key, value);
        return value;
    }

    /** Puts every entry; always marks the session modified, as Django's {@code update}. */
    public void update(Map<String, ?> values) {
        Map<String, Object> data = data();
        values.forEach((k, v) -> {
            data.put(k, v);
            changed(k);
        });
        modified = true;
    }

    /** Whether {@code key} is present ({@code key in s}). */
    public boolean containsKey(String key) {
        return data().containsKey(key);
    }

    /** The attribute names, a snapshot. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(data().keySet()));
    }

    /** The values, a snapshot. */
    public List<Object> values() {
        return Collections.unmodifiableList(new ArrayList<>(data().values()));
    }

    /** The entries, a snapshot. */
    public Map<String, Object> items() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(data()));
    }

    /** Empties the data without loading it; marks the session accessed and modified. */
    public void clear() {
        cache = new LinkedHashMap<>();
        changed.clear();
        removed.clear();
        replaced = true;
        accessed = true;
        modified = true;
    }

    /** Django's {@code is_empty}: no key and no loaded data (true when nothing was loaded yet). */
    public boolean isEmpty() {
        return (sessionKey == null || sessionKey.isEmpty()) && (cache == null || cache.isEmpty());
    }

    /** Whether the data was read or written since this object was made. */
    public boolean isAccessed() {
        return accessed;
    }

    /** Whether the data was written since this object was made. */
    public boolean isModified() {
        return modified;
    }

    /**
     * The session key (Django's {@code session_key}: the cookie's value), or null when the session
     * has none yet. Read-only to callers: {@link #cycleKey()} and saving change it.
     */
    public String sessionKey() {
        return sessionKey;
    }

    // ---- expiry ----------------------------------------------------------------------------

    /** Expires after {@code seconds} of inactivity; 0 = when the browser closes. Stored as an integer. */
    public void setExpiry(long seconds) {
        put(SessionExpiry.KEY, seconds);
    }

    /**
     * Sets the expiry as Django's {@code set_expiry}: a {@link Number} of seconds of inactivity
     * (0 = when the browser closes), an {@link Instant}, {@link OffsetDateTime} or
     * {@link ZonedDateTime} date, a {@link Duration} from now (stored as a date), or null to return
     * to the global policy. A date is stored in the form the store's Django peer reads back
     * ({@link SessionStore#expiryDate(Instant)}): an ISO-8601 string with JSON, a date with pickle.
     */
    public void setExpiry(Object value) {
        if (value == null) {
            pop(SessionExpiry.KEY, null);
        } else if (value instanceof Number n) {
            setExpiry(n.longValue());
        } else if (value instanceof Duration duration) {
            put(SessionExpiry.KEY, store.expiryDate(clock.instant().plus(duration)));
        } else if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            put(SessionExpiry.KEY, store.expiryDate(SessionExpiry.parseDate(value)));
        } else {
            throw new IllegalArgumentException("setExpiry takes seconds, an Instant, OffsetDateTime or ZonedDateTime,"
                    + " a Duration or null, not " + value);
        }
    }

    /** Seconds until expiry counted from now; see {@link #getExpiryAge(Instant)}. */
    public long getExpiryAge() {
        return getExpiryAge(clock.instant());
    }

    /** Django's {@code get_expiry_age(modification=...)}: whole seconds, SESSION_COOKIE_AGE by default. */
    public long getExpiryAge(Instant modification) {
        return SessionExpiry.age(get(SessionExpiry.KEY), modification, settings.cookieAge());
    }

    /** The expiry date counted from now; see {@link #getExpiryDate(Instant)}. */
    public Instant getExpiryDate() {
        return getExpiryDate(clock.instant());
    }

    /** Django's {@code get_expiry_date(modification=...)}. */
    public Instant getExpiryDate(Instant modification) {
        return SessionExpiry.date(get(SessionExpiry.KEY), modification, settings.cookieAge());
    }

    /** Whether the cookie lasts until the browser closes: the setting when no expiry is stored, else expiry == 0. */
    public boolean getExpireAtBrowserClose() {
        Object stored = get(SessionExpiry.KEY);
        if (stored == null) {
            return settings.expireAtBrowserClose();
        }
        return stored instanceof Number n && n.longValue() == 0;
    }

    // ---- lifecycle -------------------------------------------------------------------------

    /** Saves the data: creates a record under a new key when there is none, else updates it. */
    public void save() {
        if (store.isStateless()) {
            sessionKey = store.save(sessionKey, data(), getExpiryAge(), false);
            modified = true;
        } else if (sessionKey == null) {
            create();
        } else {
            Map<String, Object> data = data();
            if (sessionKey == null) {
                // The record vanished before this first load: Django raises UpdateError without loading.
                throw new SessionUpdateException();
            }
            store.save(sessionKey, data, new SessionDelta(changed, removed, replaced), getExpiryAge());
            resetDelta();
        }
    }

    /** Django's {@code create()}: stores the current data under a fresh unique key at once. */
    public void create() {
        Map<String, Object> data = cache == null ? new LinkedHashMap<>() : cache;
        cache = data;
        sessionKey = store.create(data, getExpiryAge());
        modified = true;
        resetDelta();
    }

    /** Keeps the data under a new key and deletes the old record (session-fixation defence at login). */
    public void cycleKey() {
        if (store.isStateless()) {
            save();
            return;
        }
        Map<String, Object> data = data();
        String oldKey = sessionKey;
        create();
        cache = data;
        if (oldKey != null) {
            store.delete(oldKey);
        }
    }

    /** Deletes the data and the record, and drops the key (logout). */
    public void flush() {
        clear();
        delete();
        sessionKey = null;
    }

    /** Deletes the stored record, if the session has a key; the data in memory stays. */
    public void delete() {
        if (store.isStateless()) {
            sessionKey = "";
            cache = new LinkedHashMap<>();
            modified = true;
        } else if (sessionKey != null) {
            store.delete(sessionKey);
        }
    }

    /** Whether a record exists in the store under this session's key. */
    public boolean exists() {
        return sessionKey != null && store.exists(sessionKey);
    }

    private Map<String, Object> data() {
        accessed = true;
        if (cache == null) {
            cache = sessionKey == null ? new LinkedHashMap<>() : load();
        }
        return cache;
    }

    private Map<String, Object> load() {
        return store.load(sessionKey).<Map<String, Object>>map(LinkedHashMap::new).orElseGet(() -> {
            if (store.isStateless()) {
                modified = true;
            } else {
                sessionKey = null;
            }
            return new LinkedHashMap<>();
        });
    }

    private void changed(String key) {
        changed.add(key);
        removed.remove(key);
    }

    private void resetDelta() {
        changed.clear();
        removed.clear();
        replaced = false;
    }

    @Override
    public String toString() {
        return "Session{key=" + (sessionKey == null ? "None" : sessionKey.substring(0, Math.min(4, sessionKey.length())) + "…")
                + ", accessed=" + accessed + ", modified=" + modified + "}";
    }
}
