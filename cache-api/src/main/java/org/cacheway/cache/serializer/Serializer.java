package org.cacheway.cache.serializer;

/**
 * Turns values into bytes and back ({@code OPTIONS['SERIALIZER']}). Integers never reach a
 * serializer: the value codec stores them as decimal digits so that {@code INCR} works.
 * Implementations are thread-safe and need a public constructor taking no argument or a
 * {@code java.util.Map<String, Object>} of the cache's {@code OPTIONS}.
 */
public interface Serializer {
    /**
     * Serializes a value.
     *
     * @throws org.cacheway.cache.CacheSerializationException when the value's type is not supported
     */
    byte[] serialize(Object value);

    /**
     * Reads bytes into the serializer's untyped data model (for JSON: maps, lists, strings, longs,
     * doubles, booleans and null).
     *
     * @throws org.cacheway.cache.CacheSerializationException when the bytes cannot be decoded
     */
    Object deserialize(byte[] data);

    /**
     * Reads bytes into the requested type.
     *
     * @throws org.cacheway.cache.CacheSerializationException when the bytes cannot be decoded or
     *     do not fit the type
     */
    <T> T deserialize(byte[] data, Class<T> type);

    /**
     * Converts a value already in the untyped model (such as an integer read as digits) to the
     * requested type.
     *
     * @throws org.cacheway.cache.CacheSerializationException when it does not fit the type
     */
    <T> T convert(Object value, Class<T> type);
}
