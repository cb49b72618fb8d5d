package org.cacheway.cache.plugin;

/**
 * A module's contribution to the names users write in settings ({@code BACKEND},
 * {@code CLIENT_CLASS}, ...), found with {@link java.util.ServiceLoader}: list the implementing
 * class in {@code META-INF/services/org.cacheway.cache.plugin.CachewayPlugin}. Implementations are
 * public with a public no-argument constructor.
 */
public interface CachewayPlugin {

    /** Registers this module's plugins and their names. */
    void register(PluginRegistry registry);
}
