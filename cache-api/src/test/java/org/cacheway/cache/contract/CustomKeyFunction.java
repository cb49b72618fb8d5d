package org.cacheway.cache.contract;

import org.cacheway.cache.KeyFunction;

/**
 * Django's test key function, {@code "CUSTOM-" + "-".join([prefix, str(version), key])}, with its
 * reverse for prefixes without {@code '-'}; the contract suite configures it both by class name
 * and as an object.
 */
public final class CustomKeyFunction implements KeyFunction {
    private static final String MARK = "CUSTOM-";

    @Override
    public String makeKey(String key, String prefix, int version) {
        return MARK + prefix + "-" + version + "-" + key;
    }

    @Override
    public String reverseKey(String madeKey) {
        int prefixEnd = madeKey.indexOf('-', MARK.length());
        // The version may be negative: its own '-' is its first character.
        int versionEnd = madeKey.indexOf('-', prefixEnd + 2);
        return madeKey.substring(versionEnd + 1);
    }
}
