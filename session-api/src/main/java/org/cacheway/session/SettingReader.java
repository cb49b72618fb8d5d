package org.cacheway.session;

import java.util.Locale;
import java.util.Map;

/** Reads loosely typed setting values (strings from properties, Python's True/False) with named errors. */
final class SettingReader {
    private final Map<String, ?> settings;

    SettingReader(Map<String, ?> settings) {
        this.settings = settings;
    }

    String string(String name, String fallback) {
        Object value = settings.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw SessionConfigurationException.of(name, value, "expected a string, got " + value.getClass().getSimpleName());
    }

    String nonEmpty(String name, String fallback) {
        String value = string(name, fallback);
        if (value.isEmpty()) {
            throw SessionConfigurationException.of(name, value, "must not be empty");
        }
        return value;
    }

    long longValue(String name, long fallback) {
        Object value = settings.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof CharSequence) {
            try {
                return Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw SessionConfigurationException.of(name, value, "expected a whole number of seconds");
            }
        }
        throw SessionConfigurationException.of(name, value, "expected a whole number of seconds");
    }

    boolean bool(String name, boolean fallback) {
        Object value = settings.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                throw SessionConfigurationException.of(name, value, "expected True or False");
        }
    }
}
