package org.cacheway.cache.redis.internal;

import java.nio.charset.StandardCharsets;

/** Integers as the decimal ASCII digits Redis reads them in (script arguments). */
public final class Digits {
    private Digits() {
    }

    /** {@code value} as ASCII digits, with a leading minus when negative. */
    public static byte[] of(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
