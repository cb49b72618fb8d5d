package org.cacheway.cache.compressor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * gzip members, level 9, compressing values longer than 15 bytes: read and written like Python's
 * {@code gzip.compress} (django-redis 6's {@code GzipCompressor}). The header carries no mtime, so
 * the output is deterministic; Python ignores the field when reading.
 */
public final class GzipCompressor extends AbstractCompressor {
    /** django-redis's threshold. */
    public static final int DEFAULT_MIN_LENGTH = 15;
    /** Python's {@code gzip.compress} default level. */
    public static final int DEFAULT_LEVEL = 9;

    /** Creates a gzip compressor with django-redis's settings. */
    public GzipCompressor() {
        this(DEFAULT_MIN_LENGTH, DEFAULT_LEVEL);
    }

    /** Creates a gzip compressor compressing values longer than {@code minLength} bytes at {@code level}. */
    public GzipCompressor(int minLength, int level) {
        super(minLength, level, new byte[] {0x1f, (byte) 0x8b});
    }

    @Override
    protected byte[] doCompress(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 32);
        try (GZIPOutputStream gzip = new LeveledGzip(out, level())) {
            gzip.write(data);
        }
        return out.toByteArray();
    }

    @Override
    protected byte[] doDecompress(byte[] data) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    /** A gzip stream whose deflater uses the configured level. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out);
            def.setLevel(level);
        }
    }
}
