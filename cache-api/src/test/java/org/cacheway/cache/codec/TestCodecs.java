package org.cacheway.cache.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.compressor.Compressor;
import org.cacheway.cache.serializer.Serializer;

/** Builds codecs, serializers and compressors the way a cache does: from its OPTIONS, through the plugin registry. */
public final class TestCodecs {
    private TestCodecs() {
    }

    /** The codec of a cache {@code alias} with these {@code OPTIONS} (null: none). */
    public static ValueCodec codec(Map<String, ?> options, String alias) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("BACKEND", "locmem");
        block.put("OPTIONS", options == null ? Map.of() : options);
        return ValueCodec.from(CacheSettings.fromMap(alias, block));
    }

    /** The serializer {@code name} stands for, with these other {@code OPTIONS}. */
    public static Serializer serializer(String name, Map<String, ?> options, String alias) {
        return codec(with("SERIALIZER", name, options), alias).serializer();
    }

    /** The compressor {@code name} stands for, with these other {@code OPTIONS}. */
    public static Compressor compressor(String name, Map<String, ?> options, String alias) {
        return codec(with("COMPRESSOR", name, options), alias).compressor();
    }

    private static Map<String, Object> with(String setting, String name, Map<String, ?> options) {
        Map<String, Object> all = new LinkedHashMap<>(options == null ? Map.of() : options);
        if (name != null) {
            all.put(setting, name);
        }
        return all;
    }
}
