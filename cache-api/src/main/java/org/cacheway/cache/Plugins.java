package org.cacheway.cache;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Instantiates a class named in settings ({@code BACKEND}, {@code KEY_FUNCTION}, {@code SERIALIZER},
 * ...). The class needs a public constructor taking one argument of the given type, or none.
 * Every failure is a {@link CacheConfigurationException} naming alias, setting and class.
 */
public final class Plugins {
    private Plugins() {
    }

    /**
     * Loads {@code className}, checks it is a {@code type}, and constructs it with {@code argument}
     * when it has a matching public constructor, else with no argument.
     *
     * @param argumentType the type of the one-argument constructor to try first (null: none)
     */
    public static <T, A> T instantiate(String alias, String setting, String className, Class<T> type,
            Class<A> argumentType, A argument) {
        Class<?> loaded = load(alias, setting, className);
        if (!type.isAssignableFrom(loaded)) {
            throw CacheConfigurationException.of(alias, setting, className, "is not a " + type.getName());
        }
        try {
            if (argumentType != null) {
                Constructor<?> withArgument = find(loaded, argumentType);
                if (withArgument != null) {
                    return type.cast(withArgument.newInstance(argument));
                }
            }
            Constructor<?> noArgument = find(loaded, null);
            if (noArgument == null) {
                throw CacheConfigurationException.of(alias, setting, className, "has no public constructor taking "
                        + (argumentType == null ? "no argument" : argumentType.getSimpleName() + " or no argument"));
            }
            return type.cast(noArgument.newInstance());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CacheException ce) {
                throw ce;
            }
            throw CacheConfigurationException.of(alias, setting, className, "constructor failed: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw CacheConfigurationException.of(alias, setting, className, "cannot be constructed: " + e, e);
        }
    }

    /** Resolves a user-facing name through {@code aliases} (Django dotted names, short names). */
    public static String resolveName(Map<String, String> aliases, String name) {
        String resolved = aliases.get(name);
        return resolved == null ? name : resolved;
    }

    private static Class<?> load(String alias, String setting, String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(className, true, loader != null ? loader : Plugins.class.getClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw CacheConfigurationException.of(alias, setting, className,
                    "class not found (is the module that provides it on the classpath?)", e);
        }
    }

    private static Constructor<?> find(Class<?> type, Class<?> argumentType) {
        for (Constructor<?> constructor : type.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            if (argumentType == null ? parameters.length == 0
                    : parameters.length == 1 && parameters[0].isAssignableFrom(argumentType)) {
                return constructor;
            }
        }
        return null;
    }
}
