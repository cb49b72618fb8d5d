package org.cacheway.cache;

/**
 * Turns a user key into the key the store sees ({@code KEY_FUNCTION}). The default makes
 * {@code prefix:version:key}, so {@code set("k", v)} lands at {@code :1:k}, exactly as Django.
 * An implementation named in settings needs a public no-argument constructor.
 */
@FunctionalInterface
public interface KeyFunction {
    /** The default {@code prefix:version:key} scheme. */
    KeyFunction DEFAULT = new DefaultKeyFunction();

    /**
     * Makes the stored key.
     *
     * @param key the user's key, never null
     * @param prefix the cache's {@code KEY_PREFIX} (may be empty)
     * @param version the version of this operation
     */
    String makeKey(String key, String prefix, int version);

    /**
     * Turns a stored key back into the user's key, for {@code keys} and {@code iterKeys}
     * ({@code REVERSE_KEY_FUNCTION}). The default drops everything up to the second {@code ':'}.
     */
    default String reverseKey(String madeKey) {
        return DefaultKeyFunction.dropPrefixAndVersion(madeKey);
    }
}
