package org.cacheway.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Caches} registry's {@link CacheContext}: the user's resources, and the shared parts the
 * registry made, closed in reverse order of making when the registry closes.
 */
final class RegistryContext implements CacheContext {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryContext.class);

    private final List<Object> resources;
    private final Map<Class<?>, Object> shared = new LinkedHashMap<>();
    private final List<Runnable> closers = new ArrayList<>();

    RegistryContext(List<Object> resources) {
        this.resources = List.copyOf(resources);
    }

    @Override
    public <T> Optional<T> resource(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public synchronized <T> T shared(Class<T> type, Supplier<? extends T> create, Consumer<? super T> close) {
        Optional<T> given = resource(type);
        if (given.isPresent()) {
            return given.get();
        }
        Object existing = shared.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        T made = create.get();
        shared.put(type, made);
        closers.add(() -> close.accept(made));
        return made;
    }

    /** Closes what this context made; a failure is logged and the others are still closed. */
    synchronized void close() {
        List<Runnable> reversed = new ArrayList<>(closers);
        Collections.reverse(reversed);
        closers.clear();
        shared.clear();
        for (Runnable closer : reversed) {
            try {
                closer.run();
            } catch (RuntimeException e) {
                LOG.warn("Closing a shared cache resource failed: {}", e.toString(), e);
            }
        }
    }
}
