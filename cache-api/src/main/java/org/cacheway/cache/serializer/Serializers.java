package org.cacheway.cache.serializer;

import java.util.Locale;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Plugins;

/**
 * Resolves {@code OPTIONS['SERIALIZER']}: short names ({@code json}, {@code pickle}, {@code java}),
 * Cacheway's class names, django-redis's dotted names ({@code django_redis.serializers.json.JSONSerializer},
 * {@code django_redis.serializers.pickle.PickleSerializer}), or any class implementing
 * {@link Serializer}. The default is {@link JsonSerializer}.
 */
public final class Serializers {
    /** The setting's name, as used in messages. */
    public static final String SETTING = "SERIALIZER";

    private Serializers() {
    }

    /**
     * Creates the serializer a setting names.
     *
     * @param name the configured name, or null/blank for the default (JSON)
     * @param options the cache's {@code OPTIONS} (may be null)
     * @param alias the cache alias, for messages
     * @throws CacheConfigurationException for msgpack, a bad {@code PICKLE_VERSION}, unknown names or
     *     unusable classes
     */
    public static Serializer create(String name, Map<String, Object> options, String alias) {
        Map<String, Object> opts = options == null ? Map.of() : options;
        String n = name == null ? "" : name.trim();
        switch (n.toLowerCase(Locale.ROOT)) {
            case "":
            case "json":
            case "django_redis.serializers.json.jsonserializer":
            case "org.cacheway.cache.serializer.jsonserializer":
                return new JsonSerializer(opts);
            case "java":
            case "org.cacheway.cache.serializer.javaserializer":
                return new JavaSerializer(opts);
            case "pickle":
            case "django_redis.serializers.pickle.pickleserializer":
            case "org.cacheway.cache.serializer.pickleserializer":
                return PickleSerializer.fromOptions(opts, alias);
            case "msgpack":
            case "django_redis.serializers.msgpack.msgpackserializer":
                throw CacheConfigurationException.of(alias, SETTING, name, "msgpack is not supported by Cacheway;"
                        + " use 'django_redis.serializers.pickle.PickleSerializer' (django-redis's default) or"
                        + " 'django_redis.serializers.json.JSONSerializer' on both sides");
            default:
                if (n.startsWith("django_redis.")) {
                    throw CacheConfigurationException.of(alias, SETTING, name, "unknown django-redis serializer;"
                            + " Java shares PickleSerializer and JSONSerializer");
                }
                return Plugins.instantiate(alias, SETTING, n, Serializer.class, Map.class, opts);
        }
    }
}
