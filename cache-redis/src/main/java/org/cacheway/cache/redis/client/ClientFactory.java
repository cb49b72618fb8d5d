package org.cacheway.cache.redis.client;

import java.util.List;
import org.cacheway.cache.CacheOption;

/**
 * What a {@code CLIENT_CLASS} name stands for: how to build the client, and the options it reads
 * beyond the connection options of {@link ClientConfig#OPTIONS} (so they are not rejected as
 * typos). Register one under names with {@link ClientClasses#CLIENT_CLASS}; a class named in
 * {@code CLIENT_CLASS} instead is built with its public {@code (ClientConfig)} constructor.
 */
@FunctionalInterface
public interface ClientFactory {

    /** A client over the settings of {@code config}; it must not connect yet. */
    CacheClient create(ClientConfig config);

    /** The options the client reads beyond {@link ClientConfig#OPTIONS}; none by default. */
    default List<CacheOption<?>> options() {
        return List.of();
    }

    /** A factory building clients with {@code create} and declaring {@code options}. */
    static ClientFactory of(ClientFactory create, List<CacheOption<?>> options) {
        List<CacheOption<?>> declared = List.copyOf(options);
        return new ClientFactory() {
            @Override
            public CacheClient create(ClientConfig config) {
                return create.create(config);
            }

            @Override
            public List<CacheOption<?>> options() {
                return declared;
            }
        };
    }
}
