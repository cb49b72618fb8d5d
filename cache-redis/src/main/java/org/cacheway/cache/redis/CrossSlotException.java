package org.cacheway.cache.redis;

import java.util.List;
import org.cacheway.cache.CacheKeyException;

/**
 * The keys of one multi-key operation ({@code sdiff}, {@code smove}, {@code sunionstore}, ...)
 * live apart: in different cluster slots (Redis's {@code CROSSSLOT}, said before sending) or on
 * different servers of a shard client, so no server can combine them. Give the keys one hash tag
 * ({@code {tag}a}, {@code {tag}b}) to keep them together. Nothing was sent or changed.
 */
public class CrossSlotException extends CacheKeyException {
    private static final long serialVersionUID = 1L;

    private final List<String> keys;

    /** The error of {@code operation} over the made {@code keys}, with its message. */
    public CrossSlotException(String message, List<String> keys) {
        super(message);
        this.keys = List.copyOf(keys);
    }

    /** For keys in different cluster slots. */
    public static CrossSlotException slots(String operation, List<String> keys) {
        return new CrossSlotException(operation + ": keys " + keys
                + " hash to different cluster slots; give them one hash tag such as {tag}", keys);
    }

    /** For keys on different servers of a shard client. */
    public static CrossSlotException servers(String operation, List<String> keys) {
        return new CrossSlotException(operation + ": keys " + keys
                + " live on different shard servers; give them one hash tag such as {tag}", keys);
    }

    /** The made keys of the operation. */
    public List<String> keys() {
        return keys;
    }
}
