package org.cacheway.session;

import java.time.Clock;
import java.util.Objects;
import org.cacheway.cache.Caches;
import org.cacheway.cache.plugin.PluginRegistry;

/**
 * The session engine: the settings plus the {@link SessionStore} that {@code SESSION_ENGINE}
 * names, handing out {@link Session} objects (Django's {@code SessionStore(session_key)}).
 *
 * <pre>{@code
 * Sessions sessions = Sessions.from(SessionSettings.fromMap(Map.of(
 *         "SESSION_ENGINE", "django.contrib.sessions.backends.cache")), caches);
 * Session session = sessions.open(cookieValue);
 * }</pre>
 */
public final class Sessions {
    private final SessionSettings settings;
    private final SessionStore store;
    private final Clock clock;

    private Sessions(SessionSettings settings, SessionStore store, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The engine {@code SESSION_ENGINE} names (a registered {@link SessionEngine} name, or a
     * {@link SessionStore} class with a public {@code (SessionSettings, Caches)} constructor), built
     * over {@code caches}.
     *
     * @throws SessionConfigurationException naming {@code SESSION_ENGINE} when it cannot be built
     */
    public static Sessions from(SessionSettings settings, Caches caches) {
        return new Sessions(settings, instantiate(settings, caches), Clock.systemUTC());
    }

    /** An engine over a store built in code (such as a Redis session store). */
    public static Sessions of(SessionSettings settings, SessionStore store) {
        return new Sessions(settings, store, Clock.systemUTC());
    }

    /** A copy whose sessions compute expiry from {@code clock} (tests). */
    public Sessions withClock(Clock clock) {
        return new Sessions(settings, store, clock);
    }

    /** A lazy session for the key a client sent (null or invalid: a new, keyless session). */
    public Session open(String sessionKey) {
        return new Session(store, settings, sessionKey, clock);
    }

    /** A new, empty session with no key. */
    public Session create() {
        return open(null);
    }

    /** The settings. */
    public SessionSettings settings() {
        return settings;
    }

    /** The store behind the sessions. */
    public SessionStore store() {
        return store;
    }

    /** The clock used for expiry. */
    public Clock clock() {
        return clock;
    }

    private static SessionStore instantiate(SessionSettings settings, Caches caches) {
        return PluginRegistry.global().resolve(SessionEngine.KIND, null, settings.engine()).create(settings, caches);
    }
}
