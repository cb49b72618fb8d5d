package org.cacheway.cache.serializer;

import java.util.Map;

/** Provisional resolver; replaced by the codec branch. */
public final class Serializers {
    private Serializers() {
    }

    /** Creates the named serializer. */
    public static Serializer create(String name, Map<String, Object> options, String alias) {
        return new JsonSerializer();
    }
}
