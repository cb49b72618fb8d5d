package org.cacheway.cache.serializer;

/**
 * Why {@link PickleReader} or {@link PickleWriter} refused a value, thrown inside them and turned
 * into a {@link org.cacheway.cache.CacheSerializationException} that adds the offset or the type.
 */
final class PickleFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PickleFormatException(String message) {
        super(message, null, false, false);
    }
}
