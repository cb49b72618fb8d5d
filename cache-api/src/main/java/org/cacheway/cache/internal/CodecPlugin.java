package org.cacheway.cache.internal;

import java.util.List;
import java.util.function.BiFunction;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.compressor.AbstractCompressor;
import org.cacheway.cache.compressor.Compressor;
import org.cacheway.cache.compressor.GzipCompressor;
import org.cacheway.cache.compressor.IdentityCompressor;
import org.cacheway.cache.compressor.Lz4Compressor;
import org.cacheway.cache.compressor.LzmaCompressor;
import org.cacheway.cache.compressor.ZlibCompressor;
import org.cacheway.cache.compressor.ZstdCompressor;
import org.cacheway.cache.plugin.CachewayPlugin;
import org.cacheway.cache.plugin.CompressorFactory;
import org.cacheway.cache.plugin.PluginKind;
import org.cacheway.cache.plugin.PluginRegistry;
import org.cacheway.cache.plugin.SerializerFactory;
import org.cacheway.cache.serializer.JavaSerializer;
import org.cacheway.cache.serializer.JsonSerializer;
import org.cacheway.cache.serializer.PickleSerializer;

/**
 * cache-api's serializer and compressor names (short names, Cacheway's class names, django-redis's
 * dotted names), each with the typed options it reads. Not API: found by ServiceLoader.
 */
public final class CodecPlugin implements CachewayPlugin {
    /** {@code OPTIONS['ALLOWED_CLASSES']}: the Java serializer's allow-list (a list, or comma-separated). */
    static final CacheOption<List<String>> ALLOWED_CLASSES = CacheOption.of(JavaSerializer.ALLOWED_CLASSES_OPTION,
            List.of(), (raw, options, name) -> options.list(name));
    static final CacheOption<Integer> MAX_DEPTH = positiveInt(JavaSerializer.MAX_DEPTH_OPTION,
            JavaSerializer.Limits.DEFAULT.maxDepth());
    static final CacheOption<Integer> MAX_ARRAY = positiveInt(JavaSerializer.MAX_ARRAY_OPTION,
            JavaSerializer.Limits.DEFAULT.maxArray());
    static final CacheOption<Long> MAX_REFS = positiveLong(JavaSerializer.MAX_REFS_OPTION,
            JavaSerializer.Limits.DEFAULT.maxRefs());
    static final CacheOption<Long> MAX_BYTES = positiveLong(JavaSerializer.MAX_BYTES_OPTION,
            JavaSerializer.Limits.DEFAULT.maxBytes());
    /** The plugin, for {@link java.util.ServiceLoader}. */
    public CodecPlugin() {
    }

    private static CacheOption<Integer> positiveInt(String name, int defaultValue) {
        return CacheOption.integer(name, defaultValue).check(v -> v >= 1, "a whole number of at least 1");
    }

    private static CacheOption<Long> positiveLong(String name, long defaultValue) {
        return CacheOption.<Long>of(name, defaultValue, (raw, options, n) -> options.longValue(n, defaultValue))
                .check(v -> v >= 1, "a whole number of at least 1");
    }

    @Override
    public void register(PluginRegistry registry) {
        registry.register(PluginKind.SERIALIZER, SerializerFactory.of(List.of(), settings -> new JsonSerializer()),
                "json", "django_redis.serializers.json.JSONSerializer", JsonSerializer.class.getName());
        registry.register(PluginKind.SERIALIZER, SerializerFactory.of(
                List.of(ALLOWED_CLASSES, MAX_DEPTH, MAX_ARRAY, MAX_REFS, MAX_BYTES), CodecPlugin::java),
                "java", JavaSerializer.class.getName());
        registry.register(PluginKind.SERIALIZER, SerializerFactory.of(List.of(PickleSerializer.VERSION_OPTION),
                settings -> new PickleSerializer(PickleSerializer.VERSION_OPTION.read(settings))),
                "pickle", PickleSerializer.DJANGO_REDIS_NAME, PickleSerializer.class.getName());
        registry.register(PluginKind.SERIALIZER, SerializerFactory.of(List.of(), settings -> {
            throw CacheConfigurationException.of(settings.alias(), "OPTIONS']['SERIALIZER",
                    settings.options().get("SERIALIZER"), "msgpack is not supported by Cacheway; use "
                    + "'django_redis.serializers.pickle.PickleSerializer' (django-redis's default) or "
                    + "'django_redis.serializers.json.JSONSerializer' on both sides");
        }), "msgpack", "django_redis.serializers.msgpack.MSGPackSerializer");

        registry.register(PluginKind.COMPRESSOR, CompressorFactory.of(List.of(), settings -> IdentityCompressor.INSTANCE),
                "identity", "django_redis.compressors.identity.IdentityCompressor",
                IdentityCompressor.class.getName());
        compressor(registry, "zlib", "ZlibCompressor", ZlibCompressor.class, ZlibCompressor.DEFAULT_MIN_LENGTH,
                ZlibCompressor.DEFAULT_LEVEL, ZlibCompressor::new);
        compressor(registry, "gzip", "GzipCompressor", GzipCompressor.class, GzipCompressor.DEFAULT_MIN_LENGTH,
                GzipCompressor.DEFAULT_LEVEL, GzipCompressor::new);
        compressor(registry, "lzma", "LzmaCompressor", LzmaCompressor.class, LzmaCompressor.DEFAULT_MIN_LENGTH,
                LzmaCompressor.DEFAULT_PRESET, LzmaCompressor::new);
        compressor(registry, "lz4", "Lz4Compressor", Lz4Compressor.class, Lz4Compressor.DEFAULT_MIN_LENGTH, 0,
                Lz4Compressor::new);
        compressor(registry, "zstd", "ZStdCompressor", ZstdCompressor.class, ZstdCompressor.DEFAULT_MIN_LENGTH,
                ZstdCompressor.DEFAULT_LEVEL, ZstdCompressor::new);
    }

    private static JavaSerializer java(CacheSettings settings) {
        return new JavaSerializer(ALLOWED_CLASSES.read(settings), new JavaSerializer.Limits(MAX_DEPTH.read(settings),
                MAX_ARRAY.read(settings), MAX_REFS.read(settings), MAX_BYTES.read(settings)));
    }

    /** A compressor under its short, django-redis and class names, reading its minimum length and level. */
    private static void compressor(PluginRegistry registry, String shortName, String djangoClass,
            Class<? extends Compressor> type, int minLength, int level,
            BiFunction<Integer, Integer, Compressor> create) {
        CacheOption<Integer> min = CacheOption.integer(AbstractCompressor.MIN_LENGTH_OPTION, minLength)
                .check(v -> v >= 0, "a length of at least 0");
        CacheOption<Integer> lvl = CacheOption.integer(AbstractCompressor.LEVEL_OPTION, level);
        registry.register(PluginKind.COMPRESSOR, CompressorFactory.of(List.of(min, lvl), settings -> {
            int length = min.read(settings);
            int chosen = lvl.read(settings);
            try {
                return create.apply(length, chosen);
            } catch (CacheConfigurationException e) {
                throw CacheConfigurationException.of(settings.alias(), "OPTIONS']['COMPRESSOR",
                        settings.options().get("COMPRESSOR"), e.getMessage(), e);
            }
        }),
                shortName, "django_redis.compressors." + shortName + "." + djangoClass, type.getName());
    }
}
