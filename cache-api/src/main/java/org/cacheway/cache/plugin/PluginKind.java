package org.cacheway.cache.plugin;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.KeyFunction;
import org.cacheway.cache.compressor.Compressor;
import org.cacheway.cache.serializer.Serializer;

/**
 * One name space of settings values that name plugins, such as {@code BACKEND}: the setting, what
 * its plugins are, and how a Java class named there instead of a registered name becomes one.
 * Modules define their own kinds the same way (cache-redis's {@code CLIENT_CLASS}).
 *
 * @param <T> what a name resolves to
 */
public final class PluginKind<T> {
    /** {@code CACHES[alias]['BACKEND']}: Django's and Cacheway's backend names, or a {@link Cache} class. */
    public static final PluginKind<CacheBackend> BACKEND = of("BACKEND", "cache backend", CacheBackend.class,
            PluginKind::backendFromClass);
    /** {@code OPTIONS['SERIALIZER']}: serializer names, or a {@link Serializer} or {@link SerializerFactory} class. */
    public static final PluginKind<SerializerFactory> SERIALIZER = of("OPTIONS']['SERIALIZER", "serializer",
            SerializerFactory.class, loaded -> SerializerFactory.class.isAssignableFrom(loaded)
                    ? construct(loaded, SerializerFactory.class)
                    : SerializerFactory.of(List.of(), settings -> constructFor(settings, "SERIALIZER", loaded,
                            Serializer.class)));
    /** {@code OPTIONS['COMPRESSOR']}: compressor names, or a {@link Compressor} or {@link CompressorFactory} class. */
    public static final PluginKind<CompressorFactory> COMPRESSOR = of("OPTIONS']['COMPRESSOR", "compressor",
            CompressorFactory.class, loaded -> CompressorFactory.class.isAssignableFrom(loaded)
                    ? construct(loaded, CompressorFactory.class)
                    : CompressorFactory.of(List.of(), settings -> constructFor(settings, "COMPRESSOR", loaded,
                            Compressor.class)));
    /** {@code KEY_FUNCTION}: a {@link KeyFunction} class. */
    public static final PluginKind<KeyFunction> KEY_FUNCTION = of("KEY_FUNCTION", "key function", KeyFunction.class,
            loaded -> construct(loaded, KeyFunction.class));

    private final String setting;
    private final String description;
    private final Class<T> type;
    private final ClassAdapter<T> fromClass;
    private final ErrorFormat errors;

    private PluginKind(String setting, String description, Class<T> type, ClassAdapter<T> fromClass,
            ErrorFormat errors) {
        this.setting = Objects.requireNonNull(setting, "setting");
        this.description = Objects.requireNonNull(description, "description");
        this.type = Objects.requireNonNull(type, "type");
        this.fromClass = Objects.requireNonNull(fromClass, "fromClass");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** How a kind words its configuration errors, for settings outside {@code CACHES} (such as {@code SESSION_ENGINE}). */
    @FunctionalInterface
    public interface ErrorFormat {
        /** The error for {@code value} of the kind's setting in {@code alias}'s scope (null outside {@code CACHES}). */
        CacheConfigurationException error(String alias, Object value, String problem, Throwable cause);
    }

    /** Turns a class named in settings into a plugin, or explains why it cannot be one. */
    @FunctionalInterface
    public interface ClassAdapter<T> {
        /**
         * The plugin the class stands for.
         *
         * @throws IllegalArgumentException with the reason, when the class is not usable here
         */
        T adapt(Class<?> loaded);
    }

    /**
     * A kind of plugin.
     *
     * @param setting the setting as messages name it, e.g. {@code BACKEND} or {@code OPTIONS']['CLIENT_CLASS}
     * @param description what its plugins are, for messages ("cache backend")
     * @param fromClass how a class name written instead of a registered name becomes a plugin
     */
    public static <T> PluginKind<T> of(String setting, String description, Class<T> type, ClassAdapter<T> fromClass) {
        return new PluginKind<>(setting, description, type, fromClass,
                (alias, value, problem, cause) -> CacheConfigurationException.of(alias, setting, value, problem, cause));
    }

    /** A kind of plugin whose errors are worded by {@code errors}. */
    public static <T> PluginKind<T> of(String setting, String description, Class<T> type, ClassAdapter<T> fromClass,
            ErrorFormat errors) {
        return new PluginKind<>(setting, description, type, fromClass, errors);
    }

    /** The setting, as messages name it. */
    public String setting() {
        return setting;
    }

    /** What the plugins of this kind are. */
    public String description() {
        return description;
    }

    /** The plugin type. */
    public Class<T> type() {
        return type;
    }

    T fromClass(Class<?> loaded) {
        return fromClass.adapt(loaded);
    }

    CacheConfigurationException error(String alias, Object value, String problem, Throwable cause) {
        return errors.error(alias, value, problem, cause);
    }

    /**
     * An instance of {@code loaded}, a {@code type}, made with its public constructor taking the
     * longest leading part of {@code arguments} (all of them, then all but the last, ..., then none).
     * An exception the constructor throws is thrown as it is when it is a {@link CacheException}.
     *
     * @throws IllegalArgumentException when {@code loaded} is not a {@code type} or has no such constructor
     */
    public static <R> R construct(Class<?> loaded, Class<R> type, Object... arguments) {
        if (!type.isAssignableFrom(loaded)) {
            throw new IllegalArgumentException("is not a " + type.getName());
        }
        for (int count = arguments.length; count >= 0; count--) {
            Constructor<?> constructor = find(loaded, Arrays.copyOf(arguments, count));
            if (constructor != null) {
                return type.cast(invoke(constructor, Arrays.copyOf(arguments, count)));
            }
        }
        throw new IllegalArgumentException("has no public constructor taking "
                + Arrays.stream(arguments).map(a -> a.getClass().getSimpleName()).toList() + " or a leading part of them");
    }

    private static Constructor<?> find(Class<?> loaded, Object[] arguments) {
        for (Constructor<?> constructor : loaded.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (parameters.length == arguments.length && accepts(parameters, arguments)) {
                return constructor;
            }
        }
        return null;
    }

    private static boolean accepts(Class<?>[] parameters, Object[] arguments) {
        for (int i = 0; i < parameters.length; i++) {
            if (!parameters[i].isInstance(arguments[i])) {
                return false;
            }
        }
        return true;
    }

    private static Object invoke(Constructor<?> constructor, Object[] arguments) {
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof CacheException cause) {
                throw cause;
            }
            throw new IllegalArgumentException("constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot be constructed: " + e, e);
        }
    }

    /**
     * A user's serializer or compressor class, made with its {@code (Map options)} constructor (the
     * cache's raw {@code OPTIONS}, for classes that read options of their own) or its no-argument one.
     */
    private static <R> R constructFor(CacheSettings settings, String setting, Class<?> loaded, Class<R> type) {
        try {
            return construct(loaded, type, settings.options().asMap());
        } catch (IllegalArgumentException e) {
            throw CacheConfigurationException.of(settings.alias(), "OPTIONS']['" + setting, loaded.getName(),
                    e.getMessage(), e);
        }
    }

    private static CacheBackend backendFromClass(Class<?> loaded) {
        if (CacheBackend.class.isAssignableFrom(loaded)) {
            return construct(loaded, CacheBackend.class);
        }
        if (!Cache.class.isAssignableFrom(loaded)) {
            throw new IllegalArgumentException("is neither a " + Cache.class.getName() + " nor a "
                    + CacheBackend.class.getName());
        }
        return (settings, context) -> {
            try {
                return construct(loaded, Cache.class, settings, context);
            } catch (IllegalArgumentException e) {
                throw CacheConfigurationException.of(settings.alias(), "BACKEND", loaded.getName(), e.getMessage(), e);
            }
        };
    }

    @Override
    public String toString() {
        return "PluginKind{" + setting + "}";
    }
}
