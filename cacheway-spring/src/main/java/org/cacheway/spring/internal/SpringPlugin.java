package org.cacheway.spring.internal;

import java.util.List;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.plugin.CachewayPlugin;
import org.cacheway.cache.plugin.PluginKind;
import org.cacheway.cache.plugin.PluginRegistry;
import org.cacheway.cache.plugin.SerializerFactory;
import org.cacheway.spring.json.TypedJsonSerializer;

/**
 * cacheway-spring's serializer name, {@code typed_json} (and the class name of
 * {@link TypedJsonSerializer}), with its allow-list option. Not API: found by ServiceLoader.
 */
public final class SpringPlugin implements CachewayPlugin {
    /** {@code OPTIONS['ALLOWED_CLASSES']}: the classes and packages type ids may name (a list, or comma-separated). */
    static final CacheOption<List<String>> ALLOWED_CLASSES = CacheOption.of(TypedJsonSerializer.ALLOWED_CLASSES_OPTION,
            List.of(), (raw, options, name) -> options.list(name));

    /** The plugin, for {@link java.util.ServiceLoader}. */
    public SpringPlugin() {
    }

    @Override
    public void register(PluginRegistry registry) {
        registry.register(PluginKind.SERIALIZER, SerializerFactory.of(List.of(ALLOWED_CLASSES),
                settings -> new TypedJsonSerializer(ALLOWED_CLASSES.read(settings))),
                "typed_json", TypedJsonSerializer.class.getName());
    }
}
