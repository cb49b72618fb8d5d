package org.cacheway.cache.redis.client;

import java.util.List;

/**
 * One page of a key scan ({@link CacheClient#scan}): the made keys found, and the client's own
 * cursor for the next page (null when the scan is finished). Redis may repeat a key across pages.
 */
public final class ScanPage {
    private final List<String> keys;
    private final Object cursor;

    private ScanPage(List<String> keys, Object cursor) {
        this.keys = List.copyOf(keys);
        this.cursor = cursor;
    }

    /** A page of {@code keys}, continued from {@code cursor} (whatever the client needs; null for the last page). */
    public static ScanPage of(List<String> keys, Object cursor) {
        return new ScanPage(keys, cursor);
    }

    /** The made keys of this page. */
    public List<String> keys() {
        return keys;
    }

    /** The client's cursor for the next page; null when this is the last. */
    public Object cursor() {
        return cursor;
    }

    /** Whether this is the last page. */
    public boolean finished() {
        return cursor == null;
    }

    @Override
    public String toString() {
        return "ScanPage{" + keys.size() + " keys" + (finished() ? ", last" : "") + "}";
    }
}
