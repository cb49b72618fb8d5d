package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.KeyWarnings;
import org.cacheway.cache.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture under every part of the cache contract suite. A backend supplies one settings block
 * ({@link #backendSettings()}); before each test the suite builds a {@link Caches} registry whose
 * aliases all start from that block and reach the same store, empties the store through
 * {@link #resetStore(Cache)}, and closes the registry afterwards. Expiry is observed through
 * {@link #elapse(Duration)}, which a backend with an injectable clock makes instant.
 *
 * <p>Aliases: {@link #DEFAULT} (the block as given), {@link #PREFIXED} ({@code KEY_PREFIX}
 * {@code cacheprefix}), {@link #V2} ({@code VERSION} 2), {@link #CUSTOM_KEY} and
 * {@link #CUSTOM_KEY_OBJECT} ({@link CustomKeyFunction} by class name and as an object),
 * {@link #NEVER} ({@code TIMEOUT} None) and {@link #SHORT} ({@code TIMEOUT} 0.4 seconds).
 */
public abstract class CacheContractSupport {
    /** The alias built from the backend's block unchanged. */
    protected static final String DEFAULT = "default";
    /** The alias with {@code KEY_PREFIX = "cacheprefix"}. */
    protected static final String PREFIXED = "prefixed";
    /** The alias with {@code VERSION = 2}. */
    protected static final String V2 = "v2";
    /** The alias with {@link CustomKeyFunction} given by class name. */
    protected static final String CUSTOM_KEY = "custom_key";
    /** The alias with {@link CustomKeyFunction} given as an object. */
    protected static final String CUSTOM_KEY_OBJECT = "custom_key_object";
    /** The alias with {@code TIMEOUT = None}. */
    protected static final String NEVER = "never";
    /** The alias with {@code TIMEOUT = 0.4} (seconds). */
    protected static final String SHORT = "short";

    /** The short finite timeout expiry tests use. */
    protected static final Timeout SHORT_TIMEOUT = Timeout.millis(400);
    /**
     * How long expiry tests wait for {@link #SHORT_TIMEOUT} to pass. Short, so that a suite run
     * by a dozen backends stays fast; a loaded machine only oversleeps, which cannot fail a test.
     */
    protected static final Duration PAST_SHORT_TIMEOUT = Duration.ofMillis(600);

    private Caches caches;
    /** The {@link #DEFAULT} alias's cache, fresh and empty for each test. */
    protected Cache cache;

    /**
     * The {@code CACHES} block every alias of the suite starts from, as Django writes it: at least
     * {@code BACKEND}, usually {@code LOCATION} and {@code OPTIONS}. It must not set
     * {@code KEY_PREFIX}, {@code VERSION}, {@code TIMEOUT} or {@code KEY_FUNCTION}, which the suite
     * varies per alias; all aliases built from it must reach the same store.
     */
    protected abstract Map<String, Object> backendSettings();

    /**
     * Lets {@code duration} pass for the store, so that expiry can be observed. Sleeps by default;
     * a backend with an injectable clock advances it instead.
     */
    protected void elapse(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for expiry", e);
        }
    }

    /** Empties the store before each test; {@code cache.clear()} by default. */
    protected void resetStore(Cache cache) {
        cache.clear();
    }

    @BeforeEach
    final void openContractCaches() {
        caches = Caches.fromSettings(aliases());
        cache = caches.get(DEFAULT);
        resetStore(cache);
    }

    @AfterEach
    final void closeContractCaches() {
        caches.close();
    }

    private Map<String, Map<String, Object>> aliases() {
        Map<String, Map<String, Object>> aliases = new LinkedHashMap<>();
        aliases.put(DEFAULT, alias(Map.of()));
        aliases.put(PREFIXED, alias(Map.of("KEY_PREFIX", "cacheprefix")));
        aliases.put(V2, alias(Map.of("VERSION", 2)));
        aliases.put(CUSTOM_KEY, alias(Map.of("KEY_FUNCTION", CustomKeyFunction.class.getName())));
        aliases.put(CUSTOM_KEY_OBJECT, alias(Map.of("KEY_FUNCTION", new CustomKeyFunction())));
        Map<String, Object> never = alias(Map.of());
        never.put("TIMEOUT", null);
        aliases.put(NEVER, never);
        aliases.put(SHORT, alias(Map.of("TIMEOUT", 0.4)));
        return aliases;
    }

    private Map<String, Object> alias(Map<String, Object> overrides) {
        Map<String, Object> block = new LinkedHashMap<>(backendSettings());
        block.putAll(overrides);
        return block;
    }

    /** The registry of this test. */
    protected Caches caches() {
        return caches;
    }

    /** The cache of one of the suite's aliases. */
    protected Cache cache(String alias) {
        return caches.get(alias);
    }

    /** The key warnings logged while {@code action} ran. */
    protected static List<String> warningsDuring(Runnable action) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        AutoCloseable listening = KeyWarnings.listen(warnings::add);
        try {
            action.run();
        } finally {
            try {
                listening.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new ArrayList<>(warnings);
    }

    /** Runs an action expected to fail, ignoring the failure (key warnings still count). */
    protected static void ignoringFailure(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException expected) {
            // The warning, not the outcome, is under test.
        }
    }

    /** The value of a future that must complete within five seconds. */
    protected static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete: " + e, e);
        }
    }

    /** The error a future must fail with within five seconds. */
    protected static Throwable failureOf(CompletableFuture<?> future) {
        try {
            Object value = future.get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete: " + e, e);
        }
    }

    /** A map that keeps insertion order and allows null values (Map.of does not). */
    protected static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        assertThat(map).hasSize(keysAndValues.length / 2);
        return map;
    }
}
