package org.cacheway.cache.plugin;

import java.util.List;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.compressor.Compressor;

/** Builds the compressor an {@code OPTIONS['COMPRESSOR']} name stands for, from its declared options. */
public interface CompressorFactory {

    /** The options the compressor reads, for the cache's unknown-option check. */
    List<CacheOption<?>> options();

    /**
     * The compressor for a cache's settings, its options read through {@link #options()}.
     *
     * @throws org.cacheway.cache.CacheConfigurationException naming the alias, option and value, or
     *     the library to add when the compressor's is missing
     */
    Compressor create(CacheSettings settings);

    /** A factory with these options. */
    static CompressorFactory of(List<CacheOption<?>> options, java.util.function.Function<CacheSettings, Compressor> create) {
        return new CompressorFactory() {
            @Override
            public List<CacheOption<?>> options() {
                return options;
            }

            @Override
            public Compressor create(CacheSettings settings) {
                return create.apply(settings);
            }
        };
    }
}
