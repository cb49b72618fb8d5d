package org.cacheway.cache.locmem;

import java.time.Duration;
import java.util.Map;
import org.cacheway.cache.contract.CacheContractTest;

/** LocMemCache runs the whole cache contract suite, with expiry on a manual clock. */
class LocMemCacheContractTest extends CacheContractTest {
    private final ManualClock clock = new ManualClock();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of(
                "BACKEND", "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION", "contract-suite",
                "OPTIONS", Map.of("CLOCK", clock));
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }
}
