package org.cacheway.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One declared entry of a cache's {@code OPTIONS}: its name, its default, how its raw value is
 * parsed and what values are valid. Components (the cache base, serializers, compressors, client
 * classes, policies) declare the options they read and receive them parsed, so the list of known
 * options is derived from the declarations and cannot drift from the code that reads them
 * ({@link #checkKnown}). Instances are immutable.
 *
 * <pre>{@code
 * static final CacheOption<Integer> SCAN_ITERSIZE = CacheOption.integer("SCAN_ITERSIZE", 10).check(n -> n >= 1, "at least 1");
 * int itersize = SCAN_ITERSIZE.read(settings);
 * }</pre>
 *
 * @param <T> the parsed type
 */
public final class CacheOption<T> {
    private static final Logger LOG = LoggerFactory.getLogger(CacheOption.class);

    private final String name;
    private final T defaultValue;
    private final Parser<T> parser;
    private final Predicate<? super T> valid;
    private final String expected;

    private CacheOption(String name, T defaultValue, Parser<T> parser, Predicate<? super T> valid, String expected) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = defaultValue;
        this.parser = Objects.requireNonNull(parser, "parser");
        this.valid = valid;
        this.expected = expected;
    }

    /** Turns an option's raw value (never null) into its parsed form, or throws the option's error. */
    @FunctionalInterface
    public interface Parser<T> {
        /**
         * The parsed value.
         *
         * @throws CacheConfigurationException built with {@code options.error(name, raw, problem)}
         */
        T parse(Object raw, CacheSettings.Options options, String name);
    }

    /** An option with its own parser. */
    public static <T> CacheOption<T> of(String name, T defaultValue, Parser<T> parser) {
        return new CacheOption<>(name, defaultValue, parser, null, null);
    }

    /** A boolean option ({@code true/false}, Python's {@code True/False}, 1/0). */
    public static CacheOption<Boolean> bool(String name, boolean defaultValue) {
        return of(name, defaultValue, (raw, options, n) -> options.bool(n, defaultValue));
    }

    /** A whole-number option. */
    public static CacheOption<Integer> integer(String name, int defaultValue) {
        return of(name, defaultValue, (raw, options, n) -> options.integer(n, defaultValue));
    }

    /** A number option (fractions allowed). */
    public static CacheOption<Double> number(String name, double defaultValue) {
        return of(name, defaultValue, (raw, options, n) -> options.number(n, defaultValue));
    }

    /** A string option; the default may be null. */
    public static CacheOption<String> string(String name, String defaultValue) {
        return of(name, defaultValue, (raw, options, n) -> options.string(n, defaultValue));
    }

    /** A duration given as a number of seconds (fractions allowed), positive and finite. */
    public static CacheOption<Duration> seconds(String name, Duration defaultValue) {
        return of(name, defaultValue, (raw, options, n) -> duration(options, n, raw, 1_000_000_000L, "seconds"));
    }

    /** A duration given as a whole or fractional number of milliseconds, positive and finite. */
    public static CacheOption<Duration> millis(String name, Duration defaultValue) {
        return of(name, defaultValue, (raw, options, n) -> duration(options, n, raw, 1_000_000L, "milliseconds"));
    }

    private static Duration duration(CacheSettings.Options options, String name, Object raw, long nanosPerUnit,
            String unit) {
        double value = options.number(name, 0);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw options.error(name, raw, "expected a positive number of " + unit);
        }
        return Duration.ofNanos((long) (value * nanosPerUnit));
    }

    /** This option, also requiring {@code valid} of every value given, described as {@code expected}. */
    public CacheOption<T> check(Predicate<? super T> valid, String expected) {
        Predicate<? super T> before = this.valid;
        Predicate<T> both = before == null ? valid::test : value -> before.test(value) && valid.test(value);
        String text = this.expected == null ? expected : this.expected + " and " + expected;
        return new CacheOption<>(name, defaultValue, parser, both, text);
    }

    /** The option's name, as written in {@code OPTIONS}. */
    public String name() {
        return name;
    }

    /** The value used when the option is not given. */
    public T defaultValue() {
        return defaultValue;
    }

    /** Whether the option is given in {@code settings}. */
    public boolean isSet(CacheSettings settings) {
        return settings.options().has(name);
    }

    /**
     * The option's value in {@code settings}, parsed and checked, or the default when not given.
     *
     * @throws CacheConfigurationException naming the alias, {@code OPTIONS['NAME']} and the value
     */
    public T read(CacheSettings settings) {
        CacheSettings.Options options = settings.options();
        Object raw = options.get(name);
        if (raw == null) {
            return defaultValue;
        }
        T value = parser.parse(raw, options, name);
        if (valid != null && !valid.test(value)) {
            throw options.error(name, raw, "expected " + expected);
        }
        return value;
    }

    /**
     * Rejects every option name of {@code settings} that no component declared, so typos are caught
     * early; names in {@code ignored} (options of Django's side with no meaning here) are accepted
     * and logged at WARN with the reason the map gives.
     *
     * @throws CacheConfigurationException naming the alias, the unknown option and the known ones
     */
    public static void checkKnown(CacheSettings settings, Collection<? extends CacheOption<?>> declared,
            Map<String, String> ignored) {
        Map<String, CacheOption<?>> byName = new LinkedHashMap<>();
        declared.forEach(option -> byName.put(option.name(), option));
        CacheSettings.Options options = settings.options();
        for (String name : options.asMap().keySet()) {
            if (byName.containsKey(name)) {
                continue;
            }
            String reason = ignored.get(name);
            if (reason != null) {
                LOG.warn("CACHES['{}']['OPTIONS']['{}'] is ignored: {}", settings.alias(), name, reason);
                continue;
            }
            Set<String> known = new TreeSet<>(byName.keySet());
            known.addAll(ignored.keySet());
            throw options.error(name, options.get(name), "unknown option (known options: " + known + ")");
        }
    }

    @Override
    public String toString() {
        return "OPTIONS['" + name + "'] (default " + defaultValue + ")";
    }
}
