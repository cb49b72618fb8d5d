package org.cacheway.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads one setting of one alias with Django's loose typing (a number may come as a string from a
 * properties file) and turns every misfit into a {@link CacheConfigurationException} that names
 * the alias, the setting and the value. Strings from configuration stop here.
 */
final class SettingValues {
    private final String alias;

    /** Readers for the settings of {@code alias}. */
    public SettingValues(String alias) {
        this.alias = alias;
    }

    /** The alias whose settings these are. */
    public String alias() {
        return alias;
    }

    /** A configuration error about one setting of this alias. */
    public CacheConfigurationException error(String setting, Object value, String problem) {
        return CacheConfigurationException.of(alias, setting, value, problem);
    }

    /** A string setting, or {@code fallback} when absent. */
    public String string(String setting, Object value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw error(setting, value, "expected a string, got " + value.getClass().getSimpleName());
    }

    /** A whole-number setting, or {@code fallback} when absent. */
    public int integer(String setting, Object value, int fallback) {
        long parsed = longValue(setting, value, fallback);
        if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
            throw error(setting, value, "out of range for an int");
        }
        return (int) parsed;
    }

    /** A whole-number setting as a long, or {@code fallback} when absent. */
    public long longValue(String setting, Object value, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof CharSequence) {
            try {
                return Long.parseLong(value.toString().trim());
            } catch (NumberFormatException e) {
                throw error(setting, value, "expected a whole number");
            }
        }
        throw error(setting, value, "expected a whole number, got " + value.getClass().getSimpleName());
    }

    /** A number of seconds (fractions allowed), or {@code fallback} when absent. */
    public double number(String setting, Object value, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof CharSequence) {
            try {
                return Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                throw error(setting, value, "expected a number");
            }
        }
        throw error(setting, value, "expected a number, got " + value.getClass().getSimpleName());
    }

    /** A boolean setting ({@code true/false}, Python's {@code True/False}, 1/0), or {@code fallback}. */
    public boolean bool(String setting, Object value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        switch (text) {
            case "true": case "1": case "yes": case "on":
                return true;
            case "false": case "0": case "no": case "off":
                return false;
            default:
                throw error(setting, value, "expected true or false");
        }
    }

    /**
     * A timeout in seconds with Django's meanings: null (or {@code "None"}, {@code "never"}) is
     * {@link Timeout#NEVER}, a number is seconds (fractions allowed; zero or negative expires at
     * once). Absence is expressed by the caller, not here.
     */
    public Timeout timeout(String setting, Object value) {
        if (value == null) {
            return Timeout.NEVER;
        }
        if (value instanceof Timeout t) {
            return t;
        }
        if (value instanceof java.time.Duration d) {
            return Timeout.of(d);
        }
        if (value instanceof CharSequence) {
            String text = value.toString().trim();
            if (text.equalsIgnoreCase("none") || text.equalsIgnoreCase("null") || text.equalsIgnoreCase("never")) {
                return Timeout.NEVER;
            }
        }
        double seconds = number(setting, value, 0);
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw error(setting, value, "expected a finite number of seconds or None");
        }
        return Timeout.seconds(seconds);
    }

    /**
     * A list setting: a collection or array as is, a string split on {@code ','} (as
     * django-redis splits {@code LOCATION}), empty when absent.
     */
    public List<String> list(String setting, Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                out.add(listItem(setting, value, item));
            }
        } else if (value instanceof Object[] items) {
            for (Object item : items) {
                out.add(listItem(setting, value, item));
            }
        } else if (value instanceof CharSequence) {
            String text = value.toString();
            if (!text.isEmpty()) {
                out.addAll(Arrays.asList(text.split(",", -1)));
            }
        } else {
            throw error(setting, value, "expected a string or a list of strings");
        }
        if (out.contains(null)) {
            throw error(setting, value, "a list entry is null");
        }
        return List.copyOf(out);
    }

    /** One entry of a list setting: a string (a number in a list is a mistake, not a name). */
    private String listItem(String setting, Object list, Object item) {
        if (item != null && !(item instanceof CharSequence)) {
            throw error(setting, list, "expected a list of strings, found " + item.getClass().getSimpleName()
                    + " " + item);
        }
        return item == null ? null : item.toString();
    }

    /** A nested map setting (such as {@code OPTIONS}), empty when absent. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String setting, Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> raw)) {
            throw error(setting, value, "expected a map, got " + value.getClass().getSimpleName());
        }
        for (Object key : raw.keySet()) {
            if (!(key instanceof String)) {
                throw error(setting, key, "keys must be strings");
            }
        }
        return (Map<String, Object>) raw;
    }
}
