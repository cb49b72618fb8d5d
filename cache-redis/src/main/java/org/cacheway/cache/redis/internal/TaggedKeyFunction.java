package org.cacheway.cache.redis.internal;

import org.cacheway.cache.KeyFunction;

/**
 * The key scheme of {@code HASH_TAG_PREFIX}: a key the cache's key function makes that starts
 * with {@code KEY_PREFIX + ":"} is stored with the prefix in braces ({@code myapp:1:k} becomes
 * {@code {myapp}:1:k}), so Redis Cluster hashes only the prefix and every key of the cache shares
 * one slot: multi-key commands and scripts then work across the cache's keys, at the price of
 * keeping the whole cache on one primary. Keys made otherwise (a custom key function that does not
 * start with the prefix) are left as they are; patterns are made the same way, so scans match.
 */
public final class TaggedKeyFunction implements KeyFunction {
    private final KeyFunction inner;

    /** Tags the prefix of the keys {@code inner} makes. */
    public TaggedKeyFunction(KeyFunction inner) {
        this.inner = inner;
    }

    /** The key function whose keys are tagged. */
    public KeyFunction inner() {
        return inner;
    }

    @Override
    public String makeKey(String key, String prefix, int version) {
        String made = inner.makeKey(key, prefix, version);
        return !prefix.isEmpty() && made.startsWith(prefix + ":")
                ? "{" + prefix + "}" + made.substring(prefix.length()) : made;
    }

    @Override
    public String reverseKey(String stored) {
        int end = stored.startsWith("{") ? stored.indexOf("}:") : -1;
        return inner.reverseKey(end > 1 ? stored.substring(1, end) + stored.substring(end + 1) : stored);
    }
}
