package org.cacheway.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cacheway.cache.plugin.PluginKind;
import org.cacheway.cache.plugin.PluginRegistry;

/**
 * The registry of cache aliases, Django's {@code caches}: built from the {@code CACHES} structure
 * (a {@code Map}, a properties file, a JSON file or a builder), it validates every alias's settings
 * at once, builds each cache lazily on first use and once, and releases them all on
 * {@link #close()}. A {@code default} alias is required.
 *
 * <pre>{@code
 * Caches caches = Caches.fromSettings(Map.of("default", Map.of(
 *         "BACKEND", "django_redis.cache.RedisCache",
 *         "LOCATION", "redis://127.0.0.1:6379/1")));
 * Cache cache = caches.get("default");
 * }</pre>
 */
public final class Caches implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, CacheSettings> settings;
    private final RegistryContext context;
    private final PluginRegistry plugins;
    private final ConcurrentHashMap<String, Cache> built = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Caches(Map<String, CacheSettings> settings, List<Object> resources) {
        if (!settings.containsKey(CacheSettings.DEFAULT_ALIAS)) {
            throw new CacheConfigurationException("You must define a 'default' cache in your CACHES setting "
                    + "(aliases given: " + settings.keySet() + ")");
        }
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.context = new RegistryContext(resources);
        this.plugins = PluginRegistry.global();
    }

    /**
     * A registry from Django's {@code CACHES} structure: alias to its block.
     *
     * @throws CacheConfigurationException on any bad setting, naming alias, setting and value
     */
    public static Caches fromSettings(Map<String, ? extends Map<String, ?>> caches) {
        return builder().settings(caches).build();
    }

    /**
     * A registry from properties such as {@code CACHES.default.BACKEND=...},
     * {@code CACHES.default.LOCATION=redis://127.0.0.1:6379/1} and
     * {@code CACHES.default.OPTIONS.CLIENT_CLASS=...}; other properties are ignored.
     */
    public static Caches fromProperties(Properties properties) {
        Map<String, Map<String, Object>> caches = new LinkedHashMap<>();
        for (String name : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            if (!name.startsWith("CACHES.")) {
                continue;
            }
            String[] path = name.substring("CACHES.".length()).split("\\.");
            if (path.length < 2) {
                throw new CacheConfigurationException("Property '" + name + "' must be CACHES.<alias>.<SETTING>");
            }
            Map<String, Object> node = caches.computeIfAbsent(path[0], a -> new LinkedHashMap<>());
            for (int i = 1; i < path.length - 1; i++) {
                node = nested(node, path[i], name);
            }
            node.put(path[path.length - 1], properties.getProperty(name));
        }
        return fromSettings(caches);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> node, String key, String property) {
        Object existing = node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        if (!(existing instanceof Map)) {
            throw new CacheConfigurationException("Property '" + property + "' nests under '" + key
                    + "', which already has a value");
        }
        return (Map<String, Object>) existing;
    }

    /** A registry from a properties file; see {@link #fromProperties(Properties)}. */
    public static Caches fromProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new CacheConfigurationException("Cannot read cache settings from " + file + ": " + e.getMessage(), e);
        }
        return fromProperties(properties);
    }

    /**
     * A registry from JSON text: the {@code CACHES} object itself, or an object holding it under
     * {@code "CACHES"}. {@code null} is Django's {@code None} (for {@code TIMEOUT}).
     */
    public static Caches fromJson(String json) {
        Map<String, Object> root;
        try {
            root = readMap(json);
        } catch (JsonProcessingException e) {
            throw new CacheConfigurationException("Cache settings are not valid JSON: " + e.getOriginalMessage(), e);
        }
        Object caches = root.containsKey("CACHES") ? root.get("CACHES") : root;
        if (!(caches instanceof Map)) {
            throw new CacheConfigurationException("CACHES must be a JSON object of aliases, got: " + caches);
        }
        Map<String, Map<String, ?>> blocks = new LinkedHashMap<>();
        ((Map<?, ?>) caches).forEach((alias, block) -> {
            if (!(block instanceof Map)) {
                throw CacheConfigurationException.of(String.valueOf(alias), "BACKEND", block,
                        "the alias's settings must be a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) block;
            blocks.put(String.valueOf(alias), typed);
        });
        return fromSettings(blocks);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMap(String json) throws JsonProcessingException {
        return JSON.readValue(json, Map.class);
    }

    /** A registry from a JSON file; see {@link #fromJson(String)}. */
    public static Caches fromJson(Path file) {
        try {
            return fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CacheConfigurationException("Cannot read cache settings from " + file + ": " + e.getMessage(), e);
        }
    }

    /** A builder of aliases in code. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The cache of an alias, built on first use.
     *
     * @throws CacheConfigurationException for an unknown alias or a backend that cannot be built
     * @throws CacheClosedException once the registry is closed
     */
    public Cache get(String alias) {
        if (closed) {
            throw new CacheClosedException(alias);
        }
        CacheSettings block = settings.get(alias);
        if (block == null) {
            throw new CacheConfigurationException("The connection '" + alias + "' doesn't exist.");
        }
        Cache cache = built.computeIfAbsent(alias, a -> create(block));
        if (closed) {
            release(cache);
            throw new CacheClosedException(alias);
        }
        return cache;
    }

    /**
     * The cache of an alias as the backend's own type, for its extras without a cast
     * ({@code caches.get("default", RedisCache.class).ttl("key")}).
     *
     * @throws CacheConfigurationException when the alias's backend is not a {@code type}
     */
    public <C extends Cache> C get(String alias, Class<C> type) {
        Cache cache = get(alias);
        if (!type.isInstance(cache)) {
            throw CacheConfigurationException.of(alias, "BACKEND", settings.get(alias).backend(),
                    "builds a " + cache.getClass().getName() + ", not a " + type.getName());
        }
        return type.cast(cache);
    }

    /** The {@code default} alias's cache. */
    public Cache getDefault() {
        return get(CacheSettings.DEFAULT_ALIAS);
    }

    /** The settings of an alias. */
    public CacheSettings settings(String alias) {
        CacheSettings block = settings.get(alias);
        if (block == null) {
            throw new CacheConfigurationException("The connection '" + alias + "' doesn't exist.");
        }
        return block;
    }

    /** Every configured alias. */
    public Set<String> aliases() {
        return settings.keySet();
    }

    /** Every alias's cache, building those not built yet. */
    public List<Cache> all() {
        return all(false);
    }

    /** Every alias's cache; with {@code initializedOnly}, only those already built. */
    public List<Cache> all(boolean initializedOnly) {
        List<Cache> caches = new ArrayList<>();
        for (String alias : settings.keySet()) {
            if (!initializedOnly) {
                caches.add(get(alias));
            } else if (built.containsKey(alias)) {
                caches.add(built.get(alias));
            }
        }
        return caches;
    }

    /** Releases every built cache for good; using one afterwards throws {@link CacheClosedException}. */
    @Override
    public void close() {
        closed = true;
        Collection<Cache> caches = new ArrayList<>(built.values());
        built.clear();
        try {
            caches.forEach(Caches::release);
        } finally {
            context.close();
        }
    }

    private static void release(Cache cache) {
        if (cache instanceof Releasable releasable) {
            releasable.release();
        }
    }

    private Cache create(CacheSettings block) {
        return plugins.resolve(PluginKind.BACKEND, block.alias(), block.backend()).create(block, context);
    }

    /**
     * Builds a {@link Caches} registry in code: aliases one at a time or from a {@code CACHES}
     * structure, and the resources its backends share (for example Lettuce's
     * {@code ClientResources}: the registry then uses them and never shuts them down).
     */
    public static final class Builder {
        private final Map<String, CacheSettings> settings = new LinkedHashMap<>();
        private final List<Object> resources = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds every alias of Django's {@code CACHES} structure.
         *
         * @throws CacheConfigurationException on any bad setting, naming alias, setting and value
         */
        public Builder settings(Map<String, ? extends Map<String, ?>> caches) {
            caches.forEach((alias, block) -> cache(CacheSettings.fromMap(alias, block)));
            return this;
        }

        /** Adds a resource the backends use instead of making their own; the registry does not close it. */
        public Builder resource(Object resource) {
            resources.add(java.util.Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /** Adds an alias from its settings. */
        public Builder cache(CacheSettings block) {
            settings.put(block.alias(), block);
            return this;
        }

        /** Adds an alias configured by {@code configure}. */
        public Builder cache(String alias, java.util.function.Consumer<CacheSettings.Builder> configure) {
            CacheSettings.Builder builder = CacheSettings.builder(alias);
            configure.accept(builder);
            return cache(builder.build());
        }

        /** The registry. */
        public Caches build() {
            return new Caches(settings, resources);
        }
    }
}
