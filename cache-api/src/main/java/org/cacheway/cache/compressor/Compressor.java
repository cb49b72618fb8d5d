package org.cacheway.cache.compressor;

/**
 * Compresses serialized bytes ({@code OPTIONS['COMPRESSOR']}), byte-compatible with the Python
 * module of the same name. Nothing marks a stored value as compressed: {@link #decompress} says
 * whether the bytes are in its format, and plain bytes are used as they are. Implementations are
 * thread-safe and need a public constructor taking no argument or a
 * {@code java.util.Map<String, Object>} of the cache's {@code OPTIONS}.
 */
public interface Compressor {
    /**
     * Compresses {@code data} when it is longer than this compressor's minimum length (15 bytes,
     * 100 for lzma), else returns it unchanged.
     */
    byte[] compress(byte[] data);

    /**
     * Decompresses {@code data}, or returns {@code null} when it is not in this compressor's
     * format (a value stored plain because it was short, or before compression was enabled).
     */
    byte[] decompress(byte[] data);
}
