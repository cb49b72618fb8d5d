package org.cacheway.cache.compressor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * xz containers (LZMA2, preset 4, CRC64), compressing values longer than 100 bytes: read and
 * written like Python's {@code lzma.compress(value, preset=4)} (django-redis's
 * {@code LzmaCompressor}). Needs the optional {@code org.tukaani:xz} library.
 */
public final class LzmaCompressor extends AbstractCompressor {
    /** django-redis's threshold for lzma (not 15). */
    public static final int DEFAULT_MIN_LENGTH = 100;
    /** django-redis's preset. */
    public static final int DEFAULT_PRESET = 4;

    /** Creates an lzma compressor with django-redis's settings. */
    public LzmaCompressor() {
        this(DEFAULT_MIN_LENGTH, DEFAULT_PRESET);
    }

    /**
     * Creates an lzma compressor compressing values longer than {@code minLength} bytes at {@code level}.
     *
     * @throws org.cacheway.cache.CacheConfigurationException when org.tukaani:xz is missing
     */
    public LzmaCompressor(int minLength, int level) {
        super(minLength, level,
                new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0});
        requireLibrary("org.tukaani.xz.XZOutputStream", "org.tukaani:xz", LzmaCompressor.class);
    }

    @Override
    protected byte[] doCompress(byte[] data) throws IOException {
        return Xz.compress(data, level());
    }

    @Override
    protected byte[] doDecompress(byte[] data) throws IOException {
        return Xz.decompress(data);
    }

    /** The calls into org.tukaani:xz, loaded only once the library is known to be present. */
    private static final class Xz {
        static byte[] compress(byte[] data, int preset) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            try (org.tukaani.xz.XZOutputStream xz = new org.tukaani.xz.XZOutputStream(out,
                    new org.tukaani.xz.LZMA2Options(preset), org.tukaani.xz.XZ.CHECK_CRC64)) {
                xz.write(data);
            }
            return out.toByteArray();
        }

        static byte[] decompress(byte[] data) throws IOException {
            try (org.tukaani.xz.XZInputStream in = new org.tukaani.xz.XZInputStream(new ByteArrayInputStream(data))) {
                return in.readAllBytes();
            }
        }
    }
}
