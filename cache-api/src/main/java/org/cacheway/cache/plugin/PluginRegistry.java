package org.cacheway.cache.plugin;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.cacheway.cache.CacheConfigurationException;

/**
 * Resolves the names users write in settings ({@code BACKEND}, {@code CLIENT_CLASS}, ...) to
 * plugins, the same way for every kind: a registered name (Django's dotted names, Cacheway's
 * class names, short names; matched without regard to case), else the name of a class on the
 * class path, adapted by the kind. Every failure is one {@link CacheConfigurationException} format
 * naming the alias, the setting, the value and the known names.
 *
 * <p>{@link #global()} holds what every {@link CachewayPlugin} on the class path registers.
 */
public final class PluginRegistry {
    private static volatile PluginRegistry global;

    private final Map<PluginKind<?>, Map<String, Object>> plugins = new ConcurrentHashMap<>();

    /** An empty registry (tests and embedding code); most callers use {@link #global()}. */
    public PluginRegistry() {
    }

    /** The registry of every {@link CachewayPlugin} found by {@link ServiceLoader}, loaded once. */
    public static PluginRegistry global() {
        PluginRegistry current = global;
        if (current == null) {
            synchronized (PluginRegistry.class) {
                current = global;
                if (current == null) {
                    current = new PluginRegistry();
                    ClassLoader loader = Thread.currentThread().getContextClassLoader();
                    for (CachewayPlugin plugin : ServiceLoader.load(CachewayPlugin.class,
                            loader != null ? loader : PluginRegistry.class.getClassLoader())) {
                        plugin.register(current);
                    }
                    global = current;
                }
            }
        }
        return current;
    }

    /** Registers {@code plugin} under each of {@code names}; a later registration of a name wins. */
    public <T> PluginRegistry register(PluginKind<T> kind, T plugin, String... names) {
        Map<String, Object> byName = plugins.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
        for (String name : names) {
            byName.put(name.toLowerCase(Locale.ROOT), kind.type().cast(plugin));
        }
        return this;
    }

    /** The registered names of a kind, in lower case. */
    public Set<String> names(PluginKind<?> kind) {
        return new TreeSet<>(plugins.getOrDefault(kind, Map.of()).keySet());
    }

    /**
     * The plugin {@code name} stands for, for the settings of {@code alias}.
     *
     * @throws CacheConfigurationException when the name is neither registered nor a usable class
     */
    public <T> T resolve(PluginKind<T> kind, String alias, String name) {
        if (name == null || name.isBlank()) {
            throw kind.error(alias, name, "a " + kind.description() + " name is required (known names: "
                    + names(kind) + ")", null);
        }
        String trimmed = name.trim();
        Object registered = plugins.getOrDefault(kind, Map.of()).get(trimmed.toLowerCase(Locale.ROOT));
        if (registered != null) {
            return kind.type().cast(registered);
        }
        Class<?> loaded = load(trimmed);
        if (loaded == null) {
            throw kind.error(alias, name, "unknown " + kind.description() + " (known names: " + names(kind)
                    + "; or the name of a class on the class path: is the module that provides it a dependency?)",
                    null);
        }
        try {
            return kind.fromClass(loaded);
        } catch (IllegalArgumentException e) {
            throw kind.error(alias, name, e.getMessage(), e);
        }
    }

    private static Class<?> load(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, true, loader != null ? loader : PluginRegistry.class.getClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            return null;
        }
    }

    @Override
    public String toString() {
        Map<String, Set<String>> names = new LinkedHashMap<>();
        plugins.keySet().forEach(kind -> names.put(kind.setting(), names(kind)));
        return "PluginRegistry" + names;
    }
}
