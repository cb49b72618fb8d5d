package org.cacheway.benchmarks;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * W7's baseline: get-or-set written by hand on raw Lettuce as most applications do (GET; on a
 * miss compute, SET NX with the timeout, GET again), with no single-flight, so every thread that
 * missed computes.
 */
final class RawGetOrSet implements Stampede.GetOrSet {
    private static final SetArgs NX_300_SECONDS = SetArgs.Builder.nx().ex(300);

    private final RedisCommands<String, byte[]> raw;

    RawGetOrSet(RedisCommands<String, byte[]> raw) {
        this.raw = raw;
    }

    @Override
    public Object call(int thread, String key, Supplier<Object> compute) {
        byte[] found = raw.get(key);
        if (found != null) {
            return new String(found, StandardCharsets.UTF_8);
        }
        String computed = (String) compute.get();
        raw.set(key, computed.getBytes(StandardCharsets.UTF_8), NX_300_SECONDS);
        byte[] stored = raw.get(key);
        return stored == null ? computed : new String(stored, StandardCharsets.UTF_8);
    }
}
