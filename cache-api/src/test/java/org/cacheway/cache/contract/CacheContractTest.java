package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;

/**
 * The cache contract suite's entry point: the behaviours every backend must have (listed in
 * cache-api's {@code CONTRACT.md}) and Django's core acceptance cases 1-53 that apply to a real
 * store. A backend's test class extends this and implements {@link #backendSettings()} (and,
 * when it can, {@link #elapse} and {@link #resetStore}); it is done when the whole suite passes.
 *
 * <pre>{@code
 * class LocMemCacheContractTest extends CacheContractTest {
 *     protected Map<String, Object> backendSettings() {
 *         return Map.of("BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", "contract");
 *     }
 * }
 * }</pre>
 *
 * <p>The suite is composed of test interfaces, one per area, over {@link CacheFixture}:
 * {@link BasicOperationsContract}, {@link CounterContract}, {@link TimeoutContract},
 * {@link VersioningContract}, {@link GetOrSetContract}, {@link KeyContract} and
 * {@link LifecycleContract} (together {@link CacheContract}) run twice, as nested classes: on the
 * synchronous face ({@code SynchronousFace}) and on the asynchronous face through
 * {@link AwaitingCache} ({@code AsynchronousFace}); {@link AsyncCacheContract}, what only the
 * asynchronous face promises, runs once ({@code AsynchronousFaceOnly}).
 *
 * <p>Before each test the suite builds a {@link Caches} registry whose aliases (see
 * {@link CacheFixture}) all start from {@link #backendSettings()} and reach the same store,
 * empties the store through {@link #resetStore(Cache)}, and closes the registry afterwards.
 */
@Tag(CacheContractTest.TAG)
@DisplayNameGeneration(FaceDisplayNames.class)
public abstract class CacheContractTest {
    /**
     * The JUnit tag of every backend's suite, so that a build can run the suites apart from other
     * tests (cache-redis runs them in JVMs of their own, side by side).
     */
    public static final String TAG = "contract-suite";

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

    /** Every area of {@link CacheContract} on the synchronous face. */
    @Nested
    class SynchronousFace extends Fixture implements CacheContract {
        SynchronousFace() {
            super(UnaryOperator.identity());
        }
    }

    /** Every area of {@link CacheContract} on the asynchronous face, awaited. */
    @Nested
    class AsynchronousFace extends Fixture implements CacheContract {
        AsynchronousFace() {
            super(AwaitingCache::over);
        }
    }

    /** What only the asynchronous face promises. */
    @Nested
    class AsynchronousFaceOnly extends Fixture implements AsyncCacheContract {
        AsynchronousFaceOnly() {
            super(UnaryOperator.identity());
        }
    }

    /** The registry of one test, each of its caches seen through one face. */
    abstract class Fixture implements CacheFixture {
        private final UnaryOperator<Cache> face;
        private final Map<Cache, Cache> faces = Collections.synchronizedMap(new IdentityHashMap<>());
        private Caches caches;
        private Cache cache;

        Fixture(UnaryOperator<Cache> face) {
            this.face = face;
        }

        @BeforeEach
        final void openContractCaches() {
            caches = Caches.fromSettings(aliases());
            Cache cacheOfDefault = caches.get(DEFAULT);
            resetStore(cacheOfDefault);
            cache = onFace(cacheOfDefault);
        }

        @AfterEach
        final void closeContractCaches() {
            caches.close();
        }

        @Override
        public Cache cache() {
            return cache;
        }

        @Override
        public Cache cache(String alias) {
            return onFace(caches.get(alias));
        }

        @Override
        public Caches caches() {
            return caches;
        }

        @Override
        public void elapse(Duration duration) {
            CacheContractTest.this.elapse(duration);
        }

        private Cache onFace(Cache synchronous) {
            return faces.computeIfAbsent(synchronous, face);
        }
    }

    private Map<String, Map<String, Object>> aliases() {
        Map<String, Map<String, Object>> aliases = new LinkedHashMap<>();
        aliases.put(CacheFixture.DEFAULT, alias(Map.of()));
        aliases.put(CacheFixture.PREFIXED, alias(Map.of("KEY_PREFIX", "cacheprefix")));
        aliases.put(CacheFixture.V2, alias(Map.of("VERSION", 2)));
        aliases.put(CacheFixture.CUSTOM_KEY, alias(Map.of("KEY_FUNCTION", CustomKeyFunction.class.getName())));
        aliases.put(CacheFixture.CUSTOM_KEY_OBJECT, alias(Map.of("KEY_FUNCTION", new CustomKeyFunction())));
        Map<String, Object> never = alias(Map.of());
        never.put("TIMEOUT", null);
        aliases.put(CacheFixture.NEVER, never);
        aliases.put(CacheFixture.SHORT, alias(Map.of("TIMEOUT", 0.4)));
        return aliases;
    }

    private Map<String, Object> alias(Map<String, Object> overrides) {
        Map<String, Object> block = new LinkedHashMap<>(backendSettings());
        block.putAll(overrides);
        return block;
    }
}
