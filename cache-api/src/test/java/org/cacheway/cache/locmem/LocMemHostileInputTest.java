package org.cacheway.cache.locmem;

import java.util.Map;
import org.cacheway.cache.contract.HostileInputContract;

/** LocMemCache takes every hostile key without losing or mixing up an entry. */
class LocMemHostileInputTest extends HostileInputContract {
    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", "hostile-input");
    }
}
