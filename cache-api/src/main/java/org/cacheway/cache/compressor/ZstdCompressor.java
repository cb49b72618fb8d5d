package org.cacheway.cache.compressor;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Zstandard frames, level 3, compressing values longer than 15 bytes: read and written like
 * pyzstd's {@code compress}/{@code decompress} (django-redis's {@code ZStdCompressor}). Needs the
 * optional {@code com.github.luben:zstd-jni} library.
 */
public final class ZstdCompressor extends AbstractCompressor {
    /** django-redis's threshold. */
    public static final int DEFAULT_MIN_LENGTH = 15;
    /** pyzstd's default level. */
    public static final int DEFAULT_LEVEL = 3;

    /** Creates a zstd compressor with django-redis's settings. */
    public ZstdCompressor() {
        this(DEFAULT_MIN_LENGTH, DEFAULT_LEVEL);
    }

    /**
     * Creates a zstd compressor compressing values longer than {@code minLength} bytes at {@code level}.
     *
     * @throws org.cacheway.cache.CacheConfigurationException when com.github.luben:zstd-jni is missing
     */
    public ZstdCompressor(int minLength, int level) {
        super(minLength, level,
                new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd});
        requireLibrary("com.github.luben.zstd.Zstd", "com.github.luben:zstd-jni", ZstdCompressor.class);
    }

    @Override
    protected byte[] doCompress(byte[] data) {
        return Zstd.compress(data, level());
    }

    @Override
    protected byte[] doDecompress(byte[] data) throws IOException {
        return Zstd.decompress(data);
    }

    /** The calls into zstd-jni, loaded only once the library is known to be present. */
    private static final class Zstd {
        private static final long PLAUSIBLE_RATIO = 1024;

        static byte[] compress(byte[] data, int level) {
            return com.github.luben.zstd.Zstd.compress(data, level);
        }

        static byte[] decompress(byte[] data) throws IOException {
            long size = com.github.luben.zstd.Zstd.getFrameContentSize(data);
            // A damaged or foreign value can declare any size: allocate up front only what a real
            // frame of this length can plausibly hold, and let the stream grow for the rest.
            if (size >= 0 && size <= Math.min(PLAUSIBLE_RATIO * data.length, Integer.MAX_VALUE - 16)) {
                byte[] out = com.github.luben.zstd.Zstd.decompress(data, (int) size);
                if (out.length == size) {
                    return out;
                }
            }
            try (com.github.luben.zstd.ZstdInputStream in =
                    new com.github.luben.zstd.ZstdInputStream(new ByteArrayInputStream(data))) {
                return in.readAllBytes();
            }
        }
    }
}
