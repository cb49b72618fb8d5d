package org.cacheway.cache;

/**
 * Django's default key function, {@code prefix + ":" + version + ":" + key}, and django-redis's
 * default reverse function. A prefix that itself contains {@code ':'} reverses wrongly, as in
 * django-redis; give a custom {@link KeyFunction} for such prefixes.
 */
public final class DefaultKeyFunction implements KeyFunction {
    @Override
    public String makeKey(String key, String prefix, int version) {
        // Indified concatenation sizes the result exactly: one allocation, no builder to copy from.
        return prefix + ':' + version + ':' + key;
    }

    static String dropPrefixAndVersion(String madeKey) {
        int first = madeKey.indexOf(':');
        int second = first < 0 ? -1 : madeKey.indexOf(':', first + 1);
        return second < 0 ? madeKey : madeKey.substring(second + 1);
    }

    @Override
    public String toString() {
        return "DefaultKeyFunction(prefix:version:key)";
    }
}
