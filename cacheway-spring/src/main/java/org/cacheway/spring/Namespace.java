package org.cacheway.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key part a Spring cache owns inside a shared alias: its escaped name and a colon, put in front
 * of every user key. The name is escaped ({@code :} included), so the first colon always ends it
 * and two Spring caches never share a key.
 */
record Namespace(String name, String prefix) {

    static Namespace of(String springName) {
        return new Namespace(springName, SpringKeys.escape(springName, true) + ":");
    }

    String key(String key) {
        return prefix + key;
    }

    List<String> keys(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(key(k)));
        return out;
    }

    <V> Map<String, V> keyed(Map<String, V> values) {
        Map<String, V> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(key(k), v));
        return out;
    }

    /** {@code values} read under namespaced keys, keyed by the user's keys again. */
    <V> Map<String, V> unkeyed(Map<String, V> values) {
        Map<String, V> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.substring(prefix.length()), v));
        return out;
    }

    List<String> unkeyed(List<String> keys) {
        return keys.stream().map(k -> k.substring(prefix.length())).toList();
    }

    /** A Redis glob matching every key of this namespace, glob characters in the name escaped. */
    String glob() {
        StringBuilder out = new StringBuilder();
        for (char c : prefix.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('*').toString();
    }
}
