package org.cacheway.session.internal;

import org.cacheway.cache.plugin.CachewayPlugin;
import org.cacheway.cache.plugin.PluginRegistry;
import org.cacheway.session.SessionEngine;
import org.cacheway.session.cache.CacheSessionStore;
import org.cacheway.session.signed.SignedCookieSessionStore;

/** session-api's engine names: Django's cache and signed-cookie engines. Not API: found by ServiceLoader. */
public final class SessionsPlugin implements CachewayPlugin {

    /** The plugin, for {@link java.util.ServiceLoader}. */
    public SessionsPlugin() {
    }

    @Override
    public void register(PluginRegistry registry) {
        registry.register(SessionEngine.KIND, CacheSessionStore::new, "django.contrib.sessions.backends.cache",
                "cache", CacheSessionStore.class.getName());
        registry.register(SessionEngine.KIND, SignedCookieSessionStore::new,
                "django.contrib.sessions.backends.signed_cookies", "signed_cookies",
                SignedCookieSessionStore.class.getName());
    }
}
