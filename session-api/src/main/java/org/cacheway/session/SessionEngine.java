package org.cacheway.session;

import org.cacheway.cache.Caches;
import org.cacheway.cache.plugin.PluginKind;

/**
 * Builds the {@link SessionStore} a {@code SESSION_ENGINE} name stands for. Engines register their
 * names (Django's {@code django.contrib.sessions.backends.cache}, short names, class names) in the
 * plugin registry under {@link #KIND}; a class named there instead is a {@link SessionStore} with a
 * public {@code (SessionSettings, Caches)} constructor.
 */
@FunctionalInterface
public interface SessionEngine {
    /** {@code SESSION_ENGINE}: the engines' settings name space. */
    PluginKind<SessionEngine> KIND = PluginKind.of("SESSION_ENGINE", "session engine", SessionEngine.class,
            loaded -> {
                if (!SessionStore.class.isAssignableFrom(loaded)) {
                    throw new IllegalArgumentException("is not a " + SessionStore.class.getName());
                }
                return (settings, caches) -> PluginKind.construct(loaded, SessionStore.class, settings, caches);
            },
            (alias, value, problem, cause) -> cause == null ? SessionConfigurationException.of("SESSION_ENGINE", value,
                    problem) : new SessionConfigurationException(SessionConfigurationException.of("SESSION_ENGINE",
                    value, problem).getMessage(), cause));

    /**
     * The store for {@code settings}, over {@code caches} where the engine keeps sessions in a cache.
     *
     * @throws org.cacheway.cache.CacheConfigurationException naming the setting and value
     */
    SessionStore create(SessionSettings settings, Caches caches);
}
