package org.cacheway.cache;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.plugin.PluginKind;
import org.cacheway.cache.plugin.PluginRegistry;
import java.util.Objects;

/**
 * One alias's settings from Django's {@code CACHES}: {@code BACKEND}, {@code LOCATION},
 * {@code TIMEOUT} (300 s by default; null means never), {@code KEY_PREFIX} (empty),
 * {@code VERSION} (1), {@code KEY_FUNCTION} and the backend's {@code OPTIONS}. Immutable and
 * validated when built; {@link #options()} gives typed readers over {@code OPTIONS} whose errors
 * name the alias and option.
 */
public final class CacheSettings {
    /** Django's default {@code TIMEOUT}: 300 seconds. */
    public static final Timeout DEFAULT_TIMEOUT = Timeout.seconds(300);
    /** The alias that must exist in every {@code CACHES}. */
    public static final String DEFAULT_ALIAS = "default";

    private final String alias;
    private final String backend;
    private final List<String> locations;
    private final Timeout timeout;
    private final String keyPrefix;
    private final int version;
    private final KeyFunction keyFunction;
    private final Options options;

    private CacheSettings(Builder builder) {
        this.alias = builder.alias;
        this.backend = builder.backend;
        this.locations = List.copyOf(builder.locations);
        this.timeout = builder.timeout;
        this.keyPrefix = builder.keyPrefix;
        this.version = builder.version;
        this.keyFunction = builder.keyFunction;
        this.options = new Options(alias, builder.options);
    }

    /**
     * Reads one alias's block as Django writes it (upper-case keys; {@code LOCATION} a string,
     * comma-separated string or list; {@code KEY_FUNCTION} a class name or a {@link KeyFunction}).
     *
     * @throws CacheConfigurationException naming alias, setting and value on any misfit
     */
    public static CacheSettings fromMap(String alias, Map<String, ?> block) {
        Objects.requireNonNull(alias, "alias");
        SettingValues values = new SettingValues(alias);
        if (block == null) {
            throw values.error("BACKEND", null, "the alias has no settings");
        }
        for (String key : block.keySet()) {
            if (!KNOWN.contains(key)) {
                throw values.error(key, block.get(key), "unknown setting (expected one of " + KNOWN + ")");
            }
        }
        Builder builder = builder(alias)
                .backend(values.string("BACKEND", block.get("BACKEND"), null))
                .locations(values.list("LOCATION", block.get("LOCATION")))
                .keyPrefix(values.string("KEY_PREFIX", block.get("KEY_PREFIX"), ""))
                .version(values.integer("VERSION", block.get("VERSION"), 1))
                .options(values.map("OPTIONS", block.get("OPTIONS")));
        if (block.containsKey("TIMEOUT")) {
            builder.timeout(values.timeout("TIMEOUT", block.get("TIMEOUT")));
        }
        Object keyFunction = block.get("KEY_FUNCTION");
        if (keyFunction instanceof KeyFunction function) {
            builder.keyFunction(function);
        } else if (keyFunction != null) {
            String name = values.string("KEY_FUNCTION", keyFunction, null);
            builder.keyFunction(PluginRegistry.global().resolve(PluginKind.KEY_FUNCTION, alias, name));
        }
        return builder.build();
    }

    private static final List<String> KNOWN =
            List.of("BACKEND", "LOCATION", "TIMEOUT", "KEY_PREFIX", "VERSION", "KEY_FUNCTION", "OPTIONS");

    /** A builder for the alias, with Django's defaults. */
    public static Builder builder(String alias) {
        return new Builder(alias);
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(alias).backend(backend).locations(locations).timeout(timeout).keyPrefix(keyPrefix)
                .version(version).keyFunction(keyFunction).options(options.asMap());
    }

    /** The alias these settings belong to. */
    public String alias() {
        return alias;
    }

    /** The {@code BACKEND} class name as written (Django dotted names included). */
    public String backend() {
        return backend;
    }

    /** The {@code LOCATION} entries (a comma-separated string is split); empty when unset. */
    public List<String> locations() {
        return locations;
    }

    /** The first {@code LOCATION} entry, or {@code fallback} when unset. */
    public String location(String fallback) {
        return locations.isEmpty() ? fallback : locations.get(0);
    }

    /** The default timeout ({@code TIMEOUT}). */
    public Timeout timeout() {
        return timeout;
    }

    /** The {@code KEY_PREFIX}. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** The default {@code VERSION}. */
    public int version() {
        return version;
    }

    /** The {@code KEY_FUNCTION}. */
    public KeyFunction keyFunction() {
        return keyFunction;
    }

    /** Typed readers over {@code OPTIONS}. */
    public Options options() {
        return options;
    }

    @Override
    public String toString() {
        return "CacheSettings{alias=" + alias + ", BACKEND=" + backend + ", LOCATION=" + locations
                + ", TIMEOUT=" + timeout + ", KEY_PREFIX='" + keyPrefix + "', VERSION=" + version
                + ", OPTIONS=" + options.asMap().keySet() + "}";
    }

    /** The backend's {@code OPTIONS}, read with errors that name the alias and option. */
    public static final class Options {
        private final SettingValues values;
        private final Map<String, Object> raw;

        Options(String alias, Map<String, Object> raw) {
            this.values = new SettingValues(alias);
            this.raw = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        }

        /** Every option as given. */
        public Map<String, Object> asMap() {
            return raw;
        }

        /** Whether the option is set. */
        public boolean has(String name) {
            return raw.containsKey(name);
        }

        /** The raw value of an option, or null. */
        public Object get(String name) {
            return raw.get(name);
        }

        /** A string option. */
        public String string(String name, String fallback) {
            return values.string(option(name), raw.get(name), fallback);
        }

        /** A boolean option. */
        public boolean bool(String name, boolean fallback) {
            return values.bool(option(name), raw.get(name), fallback);
        }

        /** A whole-number option. */
        public int integer(String name, int fallback) {
            return values.integer(option(name), raw.get(name), fallback);
        }

        /** A whole-number option as a long. */
        public long longValue(String name, long fallback) {
            return values.longValue(option(name), raw.get(name), fallback);
        }

        /** A number option (seconds may have fractions). */
        public double number(String name, double fallback) {
            return values.number(option(name), raw.get(name), fallback);
        }

        /** A list option (a list, or a comma-separated string). */
        public List<String> list(String name) {
            return values.list(option(name), raw.get(name));
        }

        /** A nested map option. */
        public Map<String, Object> map(String name) {
            return values.map(option(name), raw.get(name));
        }

        /** A configuration error about this option. */
        public CacheConfigurationException error(String name, Object value, String problem) {
            return values.error(option(name), value, problem);
        }

        private static String option(String name) {
            return "OPTIONS']['" + name;
        }
    }

    /** Builds {@link CacheSettings} in code: the fluent twin of a {@code CACHES} block. */
    public static final class Builder {
        private final String alias;
        private String backend;
        private List<String> locations = List.of();
        private Timeout timeout = DEFAULT_TIMEOUT;
        private String keyPrefix = "";
        private int version = 1;
        private KeyFunction keyFunction = KeyFunction.DEFAULT;
        private final Map<String, Object> options = new LinkedHashMap<>();

        private Builder(String alias) {
            this.alias = Objects.requireNonNull(alias, "alias");
        }

        /** {@code BACKEND}: a class name or a Django dotted name. */
        public Builder backend(String backend) {
            this.backend = backend;
            return this;
        }

        /** {@code BACKEND} given as a class. */
        public Builder backend(Class<? extends Cache> backend) {
            return backend(backend.getName());
        }

        /** {@code LOCATION}: one or several entries. */
        public Builder location(String... locations) {
            return locations(List.of(locations));
        }

        /** {@code LOCATION} as a list. */
        public Builder locations(List<String> locations) {
            this.locations = List.copyOf(locations);
            return this;
        }

        /** {@code TIMEOUT}. */
        public Builder timeout(Timeout timeout) {
            if (timeout == null || timeout.isDefault()) {
                throw CacheConfigurationException.of(alias, "TIMEOUT", timeout,
                        "must be Timeout.NEVER or a finite timeout");
            }
            this.timeout = timeout;
            return this;
        }

        /** {@code KEY_PREFIX}. */
        public Builder keyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
            return this;
        }

        /** {@code VERSION}. */
        public Builder version(int version) {
            this.version = version;
            return this;
        }

        /** {@code KEY_FUNCTION}. */
        public Builder keyFunction(KeyFunction keyFunction) {
            this.keyFunction = Objects.requireNonNull(keyFunction, "keyFunction");
            return this;
        }

        /** One {@code OPTIONS} entry. */
        public Builder option(String name, Object value) {
            options.put(name, value);
            return this;
        }

        /** Several {@code OPTIONS} entries. */
        public Builder options(Map<String, ?> options) {
            this.options.putAll(options);
            return this;
        }

        /**
         * The settings.
         *
         * @throws CacheConfigurationException when {@code BACKEND} is missing
         */
        public CacheSettings build() {
            if (backend == null || backend.isBlank()) {
                throw CacheConfigurationException.of(alias, "BACKEND", backend, "is required");
            }
            return new CacheSettings(this);
        }
    }
}
