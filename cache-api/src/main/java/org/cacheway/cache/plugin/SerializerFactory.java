package org.cacheway.cache.plugin;

import java.util.List;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.serializer.Serializer;

/** Builds the serializer an {@code OPTIONS['SERIALIZER']} name stands for, from its declared options. */
public interface SerializerFactory {

    /** The options the serializer reads, for the cache's unknown-option check. */
    List<CacheOption<?>> options();

    /**
     * The serializer for a cache's settings, its options read through {@link #options()}.
     *
     * @throws org.cacheway.cache.CacheConfigurationException naming the alias, option and value
     */
    Serializer create(CacheSettings settings);

    /** A factory with these options. */
    static SerializerFactory of(List<CacheOption<?>> options, java.util.function.Function<CacheSettings, Serializer> create) {
        return new SerializerFactory() {
            @Override
            public List<CacheOption<?>> options() {
                return options;
            }

            @Override
            public Serializer create(CacheSettings settings) {
                return create.apply(settings);
            }
        };
    }
}
