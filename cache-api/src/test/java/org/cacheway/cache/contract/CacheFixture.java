package org.cacheway.cache.contract;

import java.time.Duration;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;

/**
 * What every area of the cache contract works with: a fresh {@link Caches} registry per test
 * whose aliases all reach the same, emptied store, each alias's cache seen through the face under
 * test (the synchronous {@link Cache}, or {@link AwaitingCache} over its asynchronous twin), and
 * a way to let time pass for the store. {@link CacheContractTest} implements it for a backend.
 *
 * <p>Aliases: {@link #DEFAULT} (the backend's block as given), {@link #PREFIXED}
 * ({@code KEY_PREFIX} {@code cacheprefix}), {@link #V2} ({@code VERSION} 2), {@link #CUSTOM_KEY}
 * and {@link #CUSTOM_KEY_OBJECT} ({@link CustomKeyFunction} by class name and as an object),
 * {@link #NEVER} ({@code TIMEOUT} None) and {@link #SHORT} ({@code TIMEOUT} 0.4 seconds).
 */
public interface CacheFixture {
    /** The alias built from the backend's block unchanged. */
    String DEFAULT = "default";
    /** The alias with {@code KEY_PREFIX = "cacheprefix"}. */
    String PREFIXED = "prefixed";
    /** The alias with {@code VERSION = 2}. */
    String V2 = "v2";
    /** The alias with {@link CustomKeyFunction} given by class name. */
    String CUSTOM_KEY = "custom_key";
    /** The alias with {@link CustomKeyFunction} given as an object. */
    String CUSTOM_KEY_OBJECT = "custom_key_object";
    /** The alias with {@code TIMEOUT = None}. */
    String NEVER = "never";
    /** The alias with {@code TIMEOUT = 0.4} (seconds). */
    String SHORT = "short";

    /** The short finite timeout expiry tests use. */
    Timeout SHORT_TIMEOUT = Timeout.millis(400);
    /**
     * How long expiry tests wait for {@link #SHORT_TIMEOUT} to pass. Short, so that a suite run
     * by a dozen backends stays fast; a loaded machine only oversleeps, which cannot fail a test.
     */
    Duration PAST_SHORT_TIMEOUT = Duration.ofMillis(600);

    /** The {@link #DEFAULT} alias's cache on the face under test, fresh and empty for each test. */
    Cache cache();

    /**
     * One of the suite's aliases on the face under test. The registry is asked on every call, so
     * the same instance back means the registry handed out the same cache.
     */
    Cache cache(String alias);

    /** The registry of this test, as the application sees it (its caches are synchronous). */
    Caches caches();

    /**
     * Lets {@code duration} pass for the store, so that expiry can be observed: a sleep, or an
     * advance of an injected clock.
     */
    void elapse(Duration duration);
}
