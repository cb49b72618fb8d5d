package org.cacheway.cache.redis.internal.near;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;

/**
 * {@code OPTIONS['NEAR_CACHE']} parsed once: how many entries the local copy may hold, how long a
 * local entry may live at most, and how Redis tracks the keys this client reads. Given as a map
 * ({@code {"MAX_ENTRIES": 10000, "TIMEOUT": 60, "MODE": "default"}}, every entry optional), or
 * {@code true} for the defaults; unset, {@code false} or None leaves the near cache off.
 *
 * @param maxEntries the most entries the local copy holds (size-bounded eviction), at least 1
 * @param timeout the longest a local entry lives beyond nothing but its Redis expiry; null for no cap
 * @param mode how Redis tracks the keys: per key read, or every key under the cache's prefix
 */
public record NearCacheConfig(int maxEntries, Duration timeout, Mode mode) {
    /** The default bound of the local copy. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** {@code OPTIONS['NEAR_CACHE']}: null (off) unless given. */
    public static final CacheOption<NearCacheConfig> OPTION = CacheOption.of("NEAR_CACHE", null,
            NearCacheConfig::parse);

    private static final String MAX_ENTRIES = "MAX_ENTRIES";
    private static final String TIMEOUT = "TIMEOUT";
    private static final String MODE = "MODE";
    private static final Set<String> KEYS = new TreeSet<>(Set.of(MAX_ENTRIES, TIMEOUT, MODE));

    /** How Redis tracks the keys of this client ({@code CLIENT TRACKING}). */
    public enum Mode {
        /** Redis remembers each key this client read and tells it when that key changes. */
        DEFAULT,
        /** {@code BCAST PREFIX}: Redis tells this client about every change under the cache's key prefix. */
        BROADCAST
    }

    /** A configuration; {@code timeout} null means no cap. */
    public NearCacheConfig {
        Objects.requireNonNull(mode, "mode");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** The defaults: 10,000 entries, no cap beyond the Redis expiry, default tracking. */
    public static NearCacheConfig defaults() {
        return new NearCacheConfig(DEFAULT_MAX_ENTRIES, null, Mode.DEFAULT);
    }

    /** The near cache of {@code settings}, or null when it is off. */
    public static NearCacheConfig of(CacheSettings settings) {
        return OPTION.read(settings);
    }

    private static NearCacheConfig parse(Object raw, CacheSettings.Options options, String name) {
        if (raw instanceof CharSequence text && text.toString().trim().equalsIgnoreCase("none")) {
            return null;
        }
        if (raw instanceof Boolean || raw instanceof CharSequence text && isBoolean(text.toString())) {
            return options.bool(name, false) ? defaults() : null;
        }
        if (!(raw instanceof Map<?, ?>)) {
            throw options.error(name, raw, "expected a map such as {\"MAX_ENTRIES\": 10000, \"TIMEOUT\": 60, "
                    + "\"MODE\": \"default\"}, or true for the defaults");
        }
        Map<String, Object> given = options.map(name);
        for (String key : given.keySet()) {
            if (!KEYS.contains(key)) {
                throw options.error(name, raw, "unknown entry '" + key + "' (known entries: " + KEYS + ")");
            }
        }
        Entries entries = new Entries(options, name, raw, given);
        return new NearCacheConfig(entries.maxEntries(), entries.timeout(), entries.mode());
    }

    private static boolean isBoolean(String text) {
        return Set.of("true", "false").contains(text.trim().toLowerCase(Locale.ROOT));
    }

    /** The entries of one {@code NEAR_CACHE} map; each error names the alias, the option, the map and the entry. */
    private record Entries(CacheSettings.Options options, String name, Object raw, Map<String, Object> given) {

        private RuntimeException error(String entry, String expected) {
            Object value = given.get(entry);
            String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
            return options.error(name, raw, entry + " = " + shown + ": expected " + expected);
        }

        int maxEntries() {
            Object value = given.get(MAX_ENTRIES);
            if (value == null) {
                return DEFAULT_MAX_ENTRIES;
            }
            long parsed;
            if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                parsed = ((Number) value).longValue();
            } else if (value instanceof CharSequence text && text.toString().trim().matches("-?[0-9]{1,18}")) {
                parsed = Long.parseLong(text.toString().trim());
            } else {
                throw error(MAX_ENTRIES, "a whole number of at least 1");
            }
            if (parsed < 1 || parsed > Integer.MAX_VALUE) {
                throw error(MAX_ENTRIES, "a whole number of at least 1");
            }
            return (int) parsed;
        }

        Duration timeout() {
            Object value = given.get(TIMEOUT);
            if (value == null || value instanceof CharSequence text && text.toString().trim().equalsIgnoreCase("none")) {
                return null;
            }
            double seconds;
            if (value instanceof Number number) {
                seconds = number.doubleValue();
            } else if (value instanceof CharSequence text) {
                try {
                    seconds = Double.parseDouble(text.toString().trim());
                } catch (NumberFormatException e) {
                    throw error(TIMEOUT, "a positive number of seconds, or None for no cap");
                }
            } else {
                throw error(TIMEOUT, "a positive number of seconds, or None for no cap");
            }
            if (!(seconds > 0) || Double.isInfinite(seconds) || seconds > Long.MAX_VALUE / 1_000_000_000L) {
                throw error(TIMEOUT, "a positive number of seconds, or None for no cap");
            }
            return Duration.ofNanos((long) (seconds * 1_000_000_000L));
        }

        Mode mode() {
            Object value = given.get(MODE);
            if (value == null) {
                return Mode.DEFAULT;
            }
            String text = value instanceof CharSequence ? value.toString().trim().toLowerCase(Locale.ROOT) : "";
            return switch (text) {
                case "default" -> Mode.DEFAULT;
                case "broadcast" -> Mode.BROADCAST;
                default -> throw error(MODE, "\"default\" or \"broadcast\"");
            };
        }
    }

    @Override
    public String toString() {
        return "NEAR_CACHE{MAX_ENTRIES=" + maxEntries + ", TIMEOUT=" + (timeout == null ? "None" : timeout.toMillis()
                / 1000.0) + ", MODE=" + mode.name().toLowerCase(Locale.ROOT) + "}";
    }
}
