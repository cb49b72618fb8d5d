package org.cacheway.cache.compressor;

import java.util.Locale;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Plugins;

/**
 * Resolves {@code OPTIONS['COMPRESSOR']}: short names ({@code identity}, {@code zlib},
 * {@code gzip}, {@code lzma}, {@code lz4}, {@code zstd}), Cacheway's class names, django-redis's
 * dotted names ({@code django_redis.compressors.zlib.ZlibCompressor}), or any class implementing
 * {@link Compressor}. The default is {@link IdentityCompressor}.
 */
public final class Compressors {
    /** The setting's name, as used in messages. */
    public static final String SETTING = "COMPRESSOR";
    private static final String OURS = "org.cacheway.cache.compressor.";
    private static final String DJANGO = "django_redis.compressors.";

    private Compressors() {
    }

    /**
     * Creates the compressor a setting names.
     *
     * @param name the configured name, or null/blank for the default (identity)
     * @param options the cache's {@code OPTIONS} (may be null)
     * @param alias the cache alias, for messages
     * @throws CacheConfigurationException for unknown names, unusable classes or a missing library
     */
    public static Compressor create(String name, Map<String, Object> options, String alias) {
        Map<String, Object> opts = options == null ? Map.of() : options;
        String n = name == null ? "" : name.trim();
        try {
            switch (shortName(n)) {
                case "":
                case "identity":
                    return IdentityCompressor.INSTANCE;
                case "zlib":
                    return new ZlibCompressor(opts);
                case "gzip":
                    return new GzipCompressor(opts);
                case "lzma":
                    return new LzmaCompressor(opts);
                case "lz4":
                    return new Lz4Compressor(opts);
                case "zstd":
                    return new ZstdCompressor(opts);
                default:
                    break;
            }
        } catch (CacheConfigurationException e) {
            throw CacheConfigurationException.of(alias, SETTING, name, e.getMessage(), e);
        }
        if (n.startsWith(DJANGO)) {
            throw CacheConfigurationException.of(alias, SETTING, name, "unknown django-redis compressor");
        }
        return Plugins.instantiate(alias, SETTING, n, Compressor.class, Map.class, opts);
    }

    /** The short name for a short, Cacheway or django-redis name; otherwise a marker that matches none. */
    private static String shortName(String n) {
        String lower = n.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "":
            case "identity":
            case "zlib":
            case "gzip":
            case "lzma":
            case "lz4":
            case "zstd":
                return lower;
            default:
                break;
        }
        String simple;
        if (lower.startsWith(OURS)) {
            simple = lower.substring(OURS.length());
        } else if (lower.startsWith(DJANGO)) {
            // django_redis.compressors.<module>.<Class>: the class must be the module's compressor.
            String rest = lower.substring(DJANGO.length());
            int dot = rest.indexOf('.');
            if (dot < 0 || !rest.substring(dot + 1).equals(rest.substring(0, dot) + "compressor")) {
                return "\0";
            }
            simple = rest.substring(dot + 1);
        } else {
            return "\0";
        }
        String base = simple.endsWith("compressor") ? simple.substring(0, simple.length() - "compressor".length())
                : "\0";
        return shortName(base).equals(base) && !base.isEmpty() ? base : "\0";
    }
}
