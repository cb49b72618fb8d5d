package org.cacheway.cache.compressor;

/** Provisional identity compressor; replaced by the codec branch. */
public final class IdentityCompressor implements Compressor {
    @Override
    public byte[] compress(byte[] data) {
        return data;
    }

    @Override
    public byte[] decompress(byte[] data) {
        return data;
    }
}
