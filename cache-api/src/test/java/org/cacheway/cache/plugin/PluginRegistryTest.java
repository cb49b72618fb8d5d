package org.cacheway.cache.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.dummy.DummyCache;
import org.cacheway.cache.locmem.LocMemCache;
import org.junit.jupiter.api.Test;

/** Settings names resolve through one registry, with one error format. */
class PluginRegistryTest {
    private static final CacheSettings SETTINGS = CacheSettings.fromMap("default", Map.of("BACKEND", "locmem"));

    @Test
    void theGlobalRegistryHoldsWhatEveryModuleRegisters() {
        PluginRegistry global = PluginRegistry.global();
        assertThat(global.names(PluginKind.BACKEND)).contains("django.core.cache.backends.locmem.locmemcache",
                "django.core.cache.backends.dummy.dummycache");
        assertThat(global.resolve(PluginKind.BACKEND, "default", "django.core.cache.backends.locmem.LocMemCache")
                .create(SETTINGS, null)).isInstanceOf(LocMemCache.class);
    }

    @Test
    void namesMatchWithoutRegardToCase() {
        PluginRegistry registry = new PluginRegistry().register(PluginKind.BACKEND,
                (settings, context) -> new DummyCache(settings), "Django.Dummy");
        assertThat(registry.resolve(PluginKind.BACKEND, "default", "django.dummy").create(SETTINGS, null))
                .isInstanceOf(DummyCache.class);
    }

    @Test
    void aClassNameIsAdaptedByTheKind() {
        assertThat(new PluginRegistry().resolve(PluginKind.BACKEND, "default", DummyCache.class.getName())
                .create(SETTINGS, null)).isInstanceOf(DummyCache.class);
    }

    @Test
    void anUnknownNameNamesAliasSettingValueAndTheKnownNames() {
        PluginRegistry registry = new PluginRegistry().register(PluginKind.BACKEND,
                (settings, context) -> new DummyCache(settings), "dummy");
        assertThatThrownBy(() -> registry.resolve(PluginKind.BACKEND, "sessions", "memcached"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("sessions").hasMessageContaining("BACKEND").hasMessageContaining("memcached")
                .hasMessageContaining("[dummy]");
    }

    @Test
    void aClassOfTheWrongTypeSaysWhatItIsNot() {
        assertThatThrownBy(() -> new PluginRegistry().resolve(PluginKind.BACKEND, "default", String.class.getName()))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("is neither a");
    }
}
