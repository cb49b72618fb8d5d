package org.cacheway.cache.contract;

import org.cacheway.cache.KeyFunction;

/**
 * Django's test key function, {@code "CUSTOM-" + "-".join([prefix, str(version), key])}; the
 * contract suite configures it both by class name and as an object.
 */
public final class CustomKeyFunction implements KeyFunction {
    @Override
    public String makeKey(String key, String prefix, int version) {
        return "CUSTOM-" + prefix + "-" + version + "-" + key;
    }
}
