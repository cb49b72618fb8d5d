package org.cacheway.cache;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a {@link Caches} registry shares with the backends it builds: resources the user handed in
 * (for example Lettuce's {@code ClientResources}, to bring one's own event loops, metrics or
 * tracing), and expensive parts made once per registry and closed with it. Backends ask by type.
 */
public interface CacheContext {

    /** The resource of {@code type} the user gave the registry, if any. */
    <T> Optional<T> resource(Class<T> type);

    /**
     * The registry's one shared instance of {@code type}: the user's resource of that type when one
     * was given (never closed by the registry), else made by {@code create} on first ask and closed
     * by {@code close} when the registry closes.
     */
    <T> T shared(Class<T> type, Supplier<? extends T> create, Consumer<? super T> close);
}
