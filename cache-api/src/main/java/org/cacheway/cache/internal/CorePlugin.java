package org.cacheway.cache.internal;

import org.cacheway.cache.dummy.DummyCache;
import org.cacheway.cache.locmem.LocMemCache;
import org.cacheway.cache.plugin.CachewayPlugin;
import org.cacheway.cache.plugin.PluginKind;
import org.cacheway.cache.plugin.PluginRegistry;

/** cache-api's plugin names: Django's in-memory and dummy backends. Not API: found by ServiceLoader. */
public final class CorePlugin implements CachewayPlugin {

    /** The plugin, for {@link java.util.ServiceLoader}. */
    public CorePlugin() {
    }

    @Override
    public void register(PluginRegistry registry) {
        registry.register(PluginKind.BACKEND, (settings, context) -> new LocMemCache(settings),
                "django.core.cache.backends.locmem.LocMemCache", LocMemCache.class.getName(), "locmem");
        registry.register(PluginKind.BACKEND, (settings, context) -> new DummyCache(settings),
                "django.core.cache.backends.dummy.DummyCache", DummyCache.class.getName(), "dummy");
    }
}
