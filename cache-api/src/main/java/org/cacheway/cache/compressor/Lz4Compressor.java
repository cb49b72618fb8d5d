package org.cacheway.cache.compressor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * LZ4 frames, compressing values longer than 15 bytes (django-redis's {@code Lz4Compressor}).
 * Writes 64 KB independent blocks with the content size and no checksums, which python-lz4 reads;
 * reads any valid frame, including python-lz4's default linked blocks and blocks stored
 * uncompressed (see {@link Lz4FrameReader}). Needs the optional {@code at.yawk.lz4:lz4-java} library.
 */
public final class Lz4Compressor extends AbstractCompressor {
    /** django-redis's threshold. */
    public static final int DEFAULT_MIN_LENGTH = 15;

    /** Creates an lz4 compressor with django-redis's settings. */
    public Lz4Compressor() {
        this(DEFAULT_MIN_LENGTH, 0);
    }

    /**
     * Creates an lz4 compressor reading {@code COMPRESS_MIN_LENGTH} (the level is not used).
     *
     * @throws org.cacheway.cache.CacheConfigurationException when at.yawk.lz4:lz4-java is missing
     */
    public Lz4Compressor(int minLength, int level) {
        super(minLength, level, new byte[] {0x04, 0x22, 0x4d, 0x18});
        requireLibrary("net.jpountz.lz4.LZ4FrameOutputStream", "at.yawk.lz4:lz4-java", Lz4Compressor.class);
    }

    @Override
    protected byte[] doCompress(byte[] data) throws IOException {
        return Frames.compress(data);
    }

    @Override
    protected byte[] doDecompress(byte[] data) {
        return Frames.decompress(data);
    }

    /** The calls into lz4-java, loaded only once the library is known to be present. */
    private static final class Frames {
        static byte[] compress(byte[] data) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 32);
            try (net.jpountz.lz4.LZ4FrameOutputStream lz4 = new net.jpountz.lz4.LZ4FrameOutputStream(out,
                    net.jpountz.lz4.LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB, data.length,
                    net.jpountz.lz4.LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE,
                    net.jpountz.lz4.LZ4FrameOutputStream.FLG.Bits.CONTENT_SIZE)) {
                lz4.write(data);
            }
            return out.toByteArray();
        }

        static byte[] decompress(byte[] data) {
            return Lz4FrameReader.decode(data);
        }
    }
}
