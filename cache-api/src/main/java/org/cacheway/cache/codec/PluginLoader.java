package org.cacheway.cache.codec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheException;

/**
 * Instantiates a configured class by name (the {@code SERIALIZER} and {@code COMPRESSOR} settings):
 * it must implement the expected type and have a public constructor taking the cache's
 * {@code OPTIONS} map or none.
 */
public final class PluginLoader {
    private PluginLoader() {
    }

    /**
     * Loads and instantiates {@code className}.
     *
     * @param type the interface the class must implement
     * @param className a fully qualified class name
     * @param options the cache's {@code OPTIONS}, passed to a {@code Map} constructor
     * @param alias the cache alias, for messages
     * @param setting the setting's name, for messages
     * @throws CacheConfigurationException naming alias, setting and value when it cannot be done
     */
    public static <T> T instantiate(Class<T> type, String className, Map<String, Object> options, String alias,
            String setting) {
        Class<?> cls;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            cls = Class.forName(className, true, loader != null ? loader : type.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw CacheConfigurationException.of(alias, setting, className,
                    "unknown " + setting.toLowerCase(java.util.Locale.ROOT) + ": no class of that name", e);
        }
        if (!type.isAssignableFrom(cls)) {
            throw CacheConfigurationException.of(alias, setting, className,
                    "class does not implement " + type.getName());
        }
        try {
            Object instance;
            try {
                Constructor<?> withOptions = cls.getConstructor(Map.class);
                instance = withOptions.newInstance(options == null ? Map.of() : options);
            } catch (NoSuchMethodException e) {
                instance = cls.getConstructor().newInstance();
            }
            return type.cast(instance);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CacheConfigurationException) {
                throw CacheConfigurationException.of(alias, setting, className, cause.getMessage(), cause);
            }
            if (cause instanceof CacheException) {
                throw (CacheException) cause;
            }
            throw CacheConfigurationException.of(alias, setting, className, "its constructor failed: " + cause,
                    cause);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw CacheConfigurationException.of(alias, setting, className,
                    "needs a public constructor taking no argument or a Map of OPTIONS", e);
        }
    }
}
