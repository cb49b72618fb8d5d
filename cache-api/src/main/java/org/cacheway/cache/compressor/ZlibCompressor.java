package org.cacheway.cache.compressor;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib streams, level 6, compressing values longer than 15 bytes: byte-identical to Python's
 * {@code zlib.compress(value, 6)} (django-redis's {@code ZlibCompressor}).
 */
public final class ZlibCompressor extends AbstractCompressor {
    /** django-redis's threshold. */
    public static final int DEFAULT_MIN_LENGTH = 15;
    /** django-redis's level. */
    public static final int DEFAULT_LEVEL = 6;

    /** Creates a zlib compressor with django-redis's settings. */
    public ZlibCompressor() {
        this(DEFAULT_MIN_LENGTH, DEFAULT_LEVEL);
    }

    /** Creates a zlib compressor compressing values longer than {@code minLength} bytes at {@code level}. */
    public ZlibCompressor(int minLength, int level) {
        super(minLength, level, new byte[0]);
    }

    @Override
    protected boolean looksLikeMine(byte[] data) {
        if (data.length < 2) {
            return false;
        }
        int cmf = data[0] & 0xff;
        int flg = data[1] & 0xff;
        return (cmf & 0x0f) == 8 && (cmf >>> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
    }

    @Override
    protected byte[] doCompress(byte[] data) {
        Deflater deflater = new Deflater(level());
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] buffer = new byte[data.length + data.length / 1000 + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                }
                length += deflater.deflate(buffer, length, buffer.length - length);
            }
            return java.util.Arrays.copyOf(buffer, length);
        } finally {
            deflater.end();
        }
    }

    @Override
    protected byte[] doDecompress(byte[] data) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length * 4));
            byte[] buffer = new byte[Math.max(256, Math.min(data.length * 4, 65536))];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated zlib stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
