package org.cacheway.spring.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSerializationException;
import org.springframework.cache.support.NullValue;

/**
 * The classes the typed JSON mode may name in a type id: class names and package prefixes
 * ({@code com.example.*}, which covers sub-packages too), plus Spring's {@link NullValue}. A name is
 * checked as text, before any class is loaded.
 */
final class TypeAllowList {
    private final Set<String> classes = new HashSet<>();
    private final List<String> packages = new ArrayList<>();

    TypeAllowList(Collection<String> entries) {
        classes.add(NullValue.class.getName());
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String body = entry.endsWith(".*") ? entry.substring(0, entry.length() - 2) : entry;
            if (!isQualifiedName(body)) {
                throw new CacheConfigurationException("OPTIONS['" + TypedJsonSerializer.ALLOWED_CLASSES_OPTION
                        + "'] entry '" + raw + "': expected a class name or a package ending in '.*'");
            }
            if (entry.endsWith(".*")) {
                packages.add(body + ".");
            } else {
                classes.add(entry);
            }
        }
    }

    private static boolean isQualifiedName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))
                    || !part.chars().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }

    boolean allows(String name) {
        return classes.contains(name) || packages.stream().anyMatch(name::startsWith);
    }

    /**
     * The class a type id names, loaded only once the name is allowed.
     *
     * @throws CacheSerializationException naming the class when it is not allowed or cannot be loaded
     */
    Class<?> load(String name) {
        if (!allows(name)) {
            throw new CacheSerializationException(refusal(name));
        }
        try {
            return Class.forName(name, false, loader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CacheSerializationException("cannot read a value of class " + name + ": it is not on the"
                    + " class path", e);
        }
    }

    /** The message for a class outside the list, naming it and the setting to change. */
    String refusal(String name) {
        return "class " + name + " is not allowed by the typed JSON serializer: add it (or its package, as"
                + " 'pkg.*') to OPTIONS['" + TypedJsonSerializer.ALLOWED_CLASSES_OPTION + "']";
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : TypeAllowList.class.getClassLoader();
    }
}
