package org.cacheway.cache.compressor;


/** Stores bytes as they are (django-redis's {@code IdentityCompressor}, the default). */
public final class IdentityCompressor implements Compressor {
    /** The shared instance; the class is stateless. */
    public static final IdentityCompressor INSTANCE = new IdentityCompressor();

    /** Creates an identity compressor. */
    public IdentityCompressor() {
    }

    @Override
    public byte[] compress(byte[] data) {
        return data;
    }

    @Override
    public byte[] decompress(byte[] data) {
        return null;
    }

    @Override
    public String toString() {
        return "IdentityCompressor";
    }
}
