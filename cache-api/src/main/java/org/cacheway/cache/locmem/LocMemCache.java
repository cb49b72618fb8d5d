package org.cacheway.cache.locmem;

import java.time.InstantSource;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.base.BaseCache;

/**
 * Django's local-memory cache ({@code django.core.cache.backends.locmem.LocMemCache}): a
 * thread-safe, process-global store per {@code LOCATION} name (caches with the same LOCATION share
 * data), least-recently-used culling by {@code OPTIONS['MAX_ENTRIES']} (300) and
 * {@code OPTIONS['CULL_FREQUENCY']} (3), expiry checked on read. Values are kept as their encoded
 * bytes, so a stored value is a copy.
 *
 * <p>{@code OPTIONS['CLOCK']} may hold a {@link InstantSource} (a {@link java.time.Clock}) to
 * drive expiry in tests; the system clock by default.
 */
public class LocMemCache extends BaseCache {
    /** Django's default {@code MAX_ENTRIES}. */
    public static final int DEFAULT_MAX_ENTRIES = 300;
    /** Django's default {@code CULL_FREQUENCY}. */
    public static final int DEFAULT_CULL_FREQUENCY = 3;

    /**
     * A local-memory cache for one alias's settings.
     *
     * @throws org.cacheway.cache.CacheConfigurationException when {@code MAX_ENTRIES},
     *     {@code CULL_FREQUENCY} or {@code CLOCK} is malformed (naming alias and option)
     */
    public LocMemCache(CacheSettings settings) {
        super(settings, storeFor(settings));
    }

    private LocMemCache(LocMemCache cache, int version) {
        super(cache, version);
    }

    @Override
    protected LocMemCache withVersion(int version) {
        return new LocMemCache(this, version);
    }

    /** The LOCATION's shared store, with this alias's culling options and clock. */
    private static LocMemStore storeFor(CacheSettings settings) {
        CacheSettings.Options options = settings.options();
        int maxEntries = options.integer("MAX_ENTRIES", DEFAULT_MAX_ENTRIES);
        int cullFrequency = options.integer("CULL_FREQUENCY", DEFAULT_CULL_FREQUENCY);
        if (cullFrequency < 0) {
            throw options.error("CULL_FREQUENCY", options.get("CULL_FREQUENCY"),
                    "must be 0 (clear everything when full) or a positive fraction denominator");
        }
        Object clock = options.get("CLOCK");
        if (clock != null && !(clock instanceof InstantSource)) {
            throw options.error("CLOCK", clock, "expected a java.time.InstantSource such as a java.time.Clock");
        }
        // LOCATION is a name, not a list: undo the comma split CacheSettings applies to every LOCATION.
        String location = String.join(",", settings.locations());
        return new LocMemStore(location, maxEntries, cullFrequency,
                clock == null ? InstantSource.system() : (InstantSource) clock);
    }
}
