package org.cacheway.cache.compressor;

import java.util.Map;

/** Provisional resolver; replaced by the codec branch. */
public final class Compressors {
    private Compressors() {
    }

    /** Creates the named compressor. */
    public static Compressor create(String name, Map<String, Object> options, String alias) {
        return new IdentityCompressor();
    }
}
