package org.cacheway.cache.redis.client.cluster;

import java.util.Iterator;
import java.util.List;
import org.cacheway.cache.redis.KeyPatterns;

/**
 * {@code OPTIONS['HASH_TAG_PREFIX']} of the cluster client: a made key that starts with
 * {@code KEY_PREFIX + ":"} is stored with the prefix in braces ({@code myapp:1:k} becomes
 * {@code {myapp}:1:k}), so Redis Cluster hashes only the prefix and every key of the cache shares
 * one slot: multi-key commands and scripts then work across the cache's keys, at the price of
 * keeping the whole cache on one primary. Keys made otherwise (a custom {@code KEY_FUNCTION} that
 * does not start with the prefix) are left as they are. The identity when off.
 */
public final class PrefixTag {
    private static final PrefixTag OFF = new PrefixTag(null);

    private final String plain;
    private final String tagged;
    private final String plainPattern;
    private final String taggedPattern;

    private PrefixTag(String prefix) {
        this.plain = prefix == null ? null : prefix + ":";
        this.tagged = prefix == null ? null : "{" + prefix + "}:";
        this.plainPattern = prefix == null ? null : KeyPatterns.globEscape(prefix) + ":";
        this.taggedPattern = prefix == null ? null : "{" + KeyPatterns.globEscape(prefix) + "}:";
    }

    /** Tagging of {@code prefix} (which must not be empty), or none when {@code enabled} is false. */
    public static PrefixTag of(boolean enabled, String prefix) {
        return enabled ? new PrefixTag(prefix) : OFF;
    }

    /** Whether keys are tagged. */
    public boolean enabled() {
        return plain != null;
    }

    /** The key as stored in Redis. */
    public String stored(String made) {
        return plain != null && made.startsWith(plain) ? tagged + made.substring(plain.length()) : made;
    }

    /** The keys as stored in Redis, in order. */
    public String[] stored(List<String> made) {
        String[] keys = new String[made.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = stored(made.get(i));
        }
        return keys;
    }

    /** The made key of a key found in Redis. */
    public String made(String stored) {
        return plain != null && stored.startsWith(tagged) ? plain + stored.substring(tagged.length()) : stored;
    }

    /** The made keys of the keys {@code stored} yields, lazily. */
    public Iterator<String> made(Iterator<String> stored) {
        if (plain == null) {
            return stored;
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return stored.hasNext();
            }

            @Override
            public String next() {
                return made(stored.next());
            }
        };
    }

    /** The SCAN pattern as stored keys look ({@code myapp:1:*} becomes {@code {myapp}:1:*}). */
    public String pattern(String pattern) {
        return plain != null && pattern.startsWith(plainPattern)
                ? taggedPattern + pattern.substring(plainPattern.length()) : pattern;
    }
}
