package org.cacheway.session.cache;

import java.time.Instant;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.BaseCache;
import org.cacheway.cache.serializer.Serializer;
import org.cacheway.session.JsonModel;
import org.cacheway.session.SessionCreateException;
import org.cacheway.session.SessionDataException;
import org.cacheway.session.SessionExpiry;
import org.cacheway.session.SessionKeys;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.SessionStore;
import org.cacheway.session.SessionUpdateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django's cache engine ({@code django.contrib.sessions.backends.cache}) over any {@link Cache}:
 * the session map itself is the value of {@code "django.contrib.sessions.cache" + key}, so on
 * Redis with the JSON serializer the bytes are exactly Django's, at
 * {@code :1:django.contrib.sessions.cache<key>}, with the expiry age as TTL. A fixed expiry date
 * is stored as a date when the cache's serializer keeps dates (pickle, as Django 3.2 writes it),
 * else as newer Django's ISO-8601 string.
 */
public final class CacheSessionStore implements SessionStore {
    /** Django's record key prefix, {@code KEY_PREFIX} of the cache engine. */
    public static final String KEY_PREFIX = "django.contrib.sessions.cache";

    private static final Logger LOG = LoggerFactory.getLogger(CacheSessionStore.class);

    private final Cache cache;
    private final boolean strictData;
    private final Supplier<String> keys;
    private final boolean keepsDates;

    /** The engine as {@code SESSION_ENGINE} builds it: the cache of {@code SESSION_CACHE_ALIAS}. */
    public CacheSessionStore(SessionSettings settings, Caches caches) {
        this(caches.get(settings.cacheAlias()), settings.strictData());
    }

    /** An engine over {@code cache}; {@code strictData} makes undecodable records an error. */
    public CacheSessionStore(Cache cache, boolean strictData) {
        this(cache, strictData, SessionKeys::generate);
    }

    /** An engine with its own key source (tests use it to force collisions). */
    public CacheSessionStore(Cache cache, boolean strictData, Supplier<String> keys) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.strictData = strictData;
        this.keys = Objects.requireNonNull(keys, "keys");
        this.keepsDates = keepsDates(cache);
    }

    /** Whether a date written to {@code cache} reads back as a date, not as its text (JSON). */
    private static boolean keepsDates(Cache cache) {
        if (!(cache instanceof BaseCache base)) {
            return false;
        }
        Serializer serializer = base.codec().serializer();
        try {
            return serializer.deserialize(serializer.serialize(SessionExpiry.dateValue(Instant.EPOCH)))
                    instanceof TemporalAccessor;
        } catch (CacheException e) {
            return false;
        }
    }

    /** The cache the records live in. */
    public Cache cache() {
        return cache;
    }

    @Override
    public Optional<Map<String, Object>> load(String key) {
        Object found;
        try {
            found = cache.get(KEY_PREFIX + key);
        } catch (CacheException e) {
            return undecodable(key, e);
        }
        if (found == null) {
            return Optional.empty();
        }
        if (!(found instanceof Map<?, ?> map)) {
            return undecodable(key, null);
        }
        return Optional.of(JsonModel.normalizeMap(map));
    }

    private Optional<Map<String, Object>> undecodable(String key, Exception cause) {
        if (strictData) {
            throw new SessionDataException("Session data at '" + cache.makeKey(KEY_PREFIX + key)
                    + "' in cache '" + cache.alias() + "' cannot be decoded as a session", cause);
        }
        LOG.warn("Session data corrupted in cache '{}'; loading an empty session", cache.alias());
        return Optional.empty();
    }

    @Override
    public boolean exists(String key) {
        return key != null && !key.isEmpty() && cache.hasKey(KEY_PREFIX + key);
    }

    @Override
    public String save(String key, Map<String, Object> data, long expiryAge, boolean mustCreate) {
        Timeout timeout = Timeout.seconds(expiryAge);
        if (mustCreate) {
            if (!cache.add(KEY_PREFIX + key, data, timeout)) {
                throw new SessionCreateException(key);
            }
            return key;
        }
        // Django checks then sets (two round trips, racing a concurrent delete); replace is one
        // atomic round trip on Redis (SET XX), so a session deleted meanwhile is never resurrected.
        if (!cache.replace(KEY_PREFIX + key, data, timeout)) {
            throw new SessionUpdateException();
        }
        return key;
    }

    @Override
    public void delete(String key) {
        cache.delete(KEY_PREFIX + key);
    }

    @Override
    public void clearExpired() {
        // The cache expires records itself.
    }

    @Override
    public Object expiryDate(Instant date) {
        return keepsDates ? SessionExpiry.dateValue(date) : SessionExpiry.format(date);
    }

    @Override
    public String newKey() {
        return keys.get();
    }

    @Override
    public String toString() {
        return "CacheSessionStore{alias=" + cache.alias() + "}";
    }
}
