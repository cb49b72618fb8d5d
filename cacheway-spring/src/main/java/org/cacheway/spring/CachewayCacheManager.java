package org.cacheway.spring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Caches;
import org.springframework.cache.Cache;
import org.springframework.cache.support.AbstractCacheManager;

/**
 * Spring's {@link org.springframework.cache.CacheManager} on a Cacheway {@link Caches} registry.
 * A Spring cache name maps to the alias of that name when {@code CACHES} has one; otherwise to a
 * {@linkplain org.cacheway.cache.Cache#namespace(String) namespace} of the default alias: the
 * Spring cache's own part of every key ({@code name:key}, before the alias's {@code KEY_PREFIX}
 * and {@code VERSION}; the name's {@code :} escaped), so two Spring caches never share a key,
 * {@code clear()} of one deletes only its keys and each counts its own statistics.
 *
 * <pre>{@code
 * CacheManager manager = CachewayCacheManager.builder(caches)
 *         .defaultAlias("default").initialCacheNames(List.of("products")).build();
 * }</pre>
 *
 * <p>Caches are made on first use unless {@link Builder#dynamic(boolean) dynamic(false)} fixes the
 * set to the initial names. Outside a Spring container, call {@link #afterPropertiesSet()} once to
 * build the initial caches (a container does it).
 */
public class CachewayCacheManager extends AbstractCacheManager {
    /** The alias whose namespaces hold Spring caches that have no alias of their own, unless set. */
    public static final String DEFAULT_ALIAS = "default";

    private final Caches caches;
    private final String defaultAlias;
    private final Set<String> initialCacheNames;
    private final boolean allowNullValues;
    private final boolean dynamic;

    /** A manager over {@code caches}: namespaces in {@code default}, null values allowed, caches made on use. */
    public CachewayCacheManager(Caches caches) {
        this(builder(caches));
    }

    private CachewayCacheManager(Builder builder) {
        this.caches = builder.caches;
        this.defaultAlias = builder.defaultAlias;
        this.initialCacheNames = Set.copyOf(builder.initialCacheNames);
        this.allowNullValues = builder.allowNullValues;
        this.dynamic = builder.dynamic;
    }

    /** A builder of a manager over {@code caches}. */
    public static Builder builder(Caches caches) {
        return new Builder(caches);
    }

    @Override
    protected Collection<? extends Cache> loadCaches() {
        List<Cache> loaded = new ArrayList<>();
        initialCacheNames.forEach(name -> loaded.add(create(name)));
        return loaded;
    }

    @Override
    protected Cache getMissingCache(String name) {
        return dynamic ? create(name) : null;
    }

    private Cache create(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a Spring cache name must not be empty");
        }
        if (caches.aliases().contains(name)) {
            return new CachewayCache(name, caches.get(name), allowNullValues);
        }
        if (!caches.aliases().contains(defaultAlias)) {
            throw new CacheConfigurationException("Spring cache '" + name + "' has no alias of its own and the"
                    + " default alias '" + defaultAlias + "' is not in CACHES " + caches.aliases());
        }
        return new CachewayCache(name, caches.get(defaultAlias).namespace(SpringKeys.escape(name, true)),
                allowNullValues);
    }

    /** Options of a {@link CachewayCacheManager}; not thread-safe. */
    public static final class Builder {
        private final Caches caches;
        private String defaultAlias = DEFAULT_ALIAS;
        private final Set<String> initialCacheNames = new LinkedHashSet<>();
        private boolean allowNullValues = true;
        private boolean dynamic = true;

        private Builder(Caches caches) {
            this.caches = Objects.requireNonNull(caches, "caches");
        }

        /** The alias whose namespaces hold Spring caches with no alias of their own ({@value #DEFAULT_ALIAS}). */
        public Builder defaultAlias(String alias) {
            this.defaultAlias = Objects.requireNonNull(alias, "alias");
            return this;
        }

        /** Spring caches built when the manager is initialised (and, with {@code dynamic(false)}, the only ones). */
        public Builder initialCacheNames(Collection<String> names) {
            initialCacheNames.addAll(names);
            return this;
        }

        /** Whether null values are cached as Spring's {@code NullValue} (true). */
        public Builder allowNullValues(boolean allow) {
            this.allowNullValues = allow;
            return this;
        }

        /** Whether a Spring cache not among the initial names is made on first use (true). */
        public Builder dynamic(boolean dynamic) {
            this.dynamic = dynamic;
            return this;
        }

        /** The manager. */
        public CachewayCacheManager build() {
            return new CachewayCacheManager(this);
        }
    }
}
