package org.cacheway.cache.contract;

/**
 * The cache contract suite's entry point: every behaviour CONTRACT.md asks of every backend, and
 * Django's core acceptance cases 1-53 that apply to a real store. A backend's test class extends
 * this and implements {@link #backendSettings()} (and, when it can, {@link #elapse} and
 * {@link #resetStore}); it is done when the whole suite passes.
 *
 * <pre>{@code
 * class LocMemCacheContractTest extends CacheContractTest {
 *     protected Map<String, Object> backendSettings() {
 *         return Map.of("BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", "contract");
 *     }
 * }
 * }</pre>
 *
 * <p>The suite is a chain of abstract classes, one per area, each extending the previous:
 * {@link CacheContractSupport} (fixture), {@link BasicOperationsContract}, {@link CounterContract},
 * {@link TimeoutContract}, {@link VersioningContract}, {@link GetOrSetContract},
 * {@link KeyContract}, {@link LifecycleContract}, {@link AsyncCacheContract}.
 */
public abstract class CacheContractTest extends AsyncCacheContract {
}
