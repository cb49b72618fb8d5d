package org.cacheway.cache.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.serializer.PickleSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Django 4+'s own backend, {@code django.core.cache.backends.redis.RedisCache}, played by
 * {@link RedisCache}: turns a settings block written for it, unchanged, into the RedisCache
 * settings it implies. Its wire rules are django-redis's with pickle at {@code HIGHEST_PROTOCOL}
 * (5), so the default serializer is {@link PickleSerializer} at 5; its {@code OPTIONS} are redis-py
 * connection keywords in lower case: {@code serializer} (Django's {@code RedisSerializer} is the
 * default; another name is resolved as {@code SERIALIZER}), {@code db} (applied to the LOCATION
 * entries that name no database, as redis-py does), {@code username}, {@code password},
 * {@code socket_timeout}, {@code socket_connect_timeout} and {@code client_name} are used; every
 * other lower-case option ({@code pool_class}, {@code parser_class}, {@code retry_on_timeout},
 * {@code max_connections}, ...) is dropped with an INFO line. Upper-case OPTIONS are Cacheway's
 * own and win. LOCATION may also be split on {@code ;}, as Django splits it.
 */
final class DjangoBuiltinBackend {
    /** The backend's dotted name. */
    static final String BACKEND = "django.core.cache.backends.redis.RedisCache";
    /** The backend's default serializer: pickle at the highest protocol, ints as digits. */
    static final String REDIS_SERIALIZER = "django.core.cache.backends.redis.RedisSerializer";

    private static final Logger LOG = LoggerFactory.getLogger(DjangoBuiltinBackend.class);
    private static final Map<String, String> RENAMED = Map.of("username", "USERNAME", "password", "PASSWORD",
            "socket_timeout", "SOCKET_TIMEOUT", "socket_connect_timeout", "SOCKET_CONNECT_TIMEOUT",
            "client_name", "CLIENT_NAME");

    private DjangoBuiltinBackend() {
    }

    /**
     * The RedisCache settings a block for Django's built-in backend implies; any other block is
     * returned as it is.
     *
     * @throws org.cacheway.cache.CacheConfigurationException naming the alias for a {@code db} that is
     *     not an integer
     */
    static CacheSettings redisCacheSettings(CacheSettings settings) {
        if (!BACKEND.equals(settings.backend())) {
            return settings;
        }
        Map<String, Object> options = new LinkedHashMap<>();
        Object serializer = null;
        for (Map.Entry<String, Object> option : settings.options().asMap().entrySet()) {
            String name = option.getKey();
            if (!name.equals(name.toLowerCase(Locale.ROOT))) {
                options.put(name, option.getValue());
            } else if (name.equals("serializer")) {
                serializer = option.getValue();
            } else if (RENAMED.containsKey(name)) {
                options.putIfAbsent(RENAMED.get(name), option.getValue());
            } else if (!name.equals("db")) {
                LOG.info("CACHES['{}']['OPTIONS']['{}'] is a redis-py connection option with no meaning on Lettuce;"
                        + " ignored", settings.alias(), name);
            }
        }
        if (!options.containsKey("SERIALIZER")) {
            if (serializer == null || REDIS_SERIALIZER.equals(String.valueOf(serializer).trim())) {
                options.put("SERIALIZER", PickleSerializer.DJANGO_REDIS_NAME);
                options.putIfAbsent(PickleSerializer.PICKLE_VERSION, PickleSerializer.HIGHEST_PROTOCOL);
            } else {
                options.put("SERIALIZER", serializer);
            }
        }
        List<String> locations = new ArrayList<>();
        String db = settings.options().has("db") ? String.valueOf(settings.options().integer("db", 0)) : null;
        for (String entry : settings.locations()) {
            for (String location : entry.split(";", -1)) {
                String trimmed = location.trim();
                locations.add(db == null ? trimmed : withDatabase(trimmed, db));
            }
        }
        return CacheSettings.builder(settings.alias()).backend(RedisCache.class).locations(locations)
                .timeout(settings.timeout()).keyPrefix(settings.keyPrefix()).version(settings.version())
                .keyFunction(settings.keyFunction()).options(options).build();
    }

    /** A redis:// or unix:// URL with {@code ?db=} added when it names no database (as redis-py applies {@code db}). */
    static String withDatabase(String location, String db) {
        int queryStart = location.indexOf('?');
        String query = queryStart < 0 ? "" : location.substring(queryStart + 1);
        if (Arrays.stream(query.split("&")).anyMatch(p -> p.startsWith("db="))) {
            return location;
        }
        String lower = location.toLowerCase(Locale.ROOT);
        if (lower.startsWith("redis://") || lower.startsWith("rediss://")) {
            String rest = location.substring(location.indexOf("://") + 3, queryStart < 0 ? location.length() : queryStart);
            int slash = rest.indexOf('/');
            if (slash >= 0 && slash < rest.length() - 1) {
                return location;
            }
        } else if (!lower.startsWith("unix://")) {
            return location;
        }
        return location + (queryStart < 0 ? "?" : "&") + "db=" + db;
    }
}
