package org.cacheway.cache.compressor;

import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSerializationException;

/**
 * Base of the bundled compressors: applies the "compress only when longer than the minimum" rule
 * on write and the "check the magic bytes, then treat any decode failure as plain" rule on read,
 * so that subclasses only implement the raw codec.
 *
 * <p>Configured by {@code OPTIONS} {@value #MIN_LENGTH_OPTION} (bytes; data is compressed when
 * strictly longer) and {@value #LEVEL_OPTION} (the codec's level or preset), read as typed options.
 */
public abstract class AbstractCompressor implements Compressor {
    /** {@code OPTIONS} key overriding the minimum length (django-redis's {@code min_length}). */
    public static final String MIN_LENGTH_OPTION = "COMPRESS_MIN_LENGTH";
    /** {@code OPTIONS} key overriding the compression level or preset. */
    public static final String LEVEL_OPTION = "COMPRESS_LEVEL";

    private final int minLength;
    private final int level;
    private final byte[] magic;

    /**
     * Creates a compressor.
     *
     * @param minLength the length data must exceed to be compressed (django-redis's {@code min_length})
     * @param level the codec's level or preset
     * @param magic the bytes every stream of this format starts with (may be empty)
     */
    protected AbstractCompressor(int minLength, int level, byte[] magic) {
        this.minLength = minLength;
        this.level = level;
        this.magic = magic.clone();
        if (minLength < 0) {
            throw new CacheConfigurationException("OPTIONS['" + MIN_LENGTH_OPTION + "'] = " + minLength
                    + ": must be >= 0");
        }
    }

    /** The length data must exceed to be compressed. */
    public final int minLength() {
        return minLength;
    }

    /** The compression level or preset in use. */
    public final int level() {
        return level;
    }

    @Override
    public final byte[] compress(byte[] data) {
        if (data.length <= minLength) {
            return data;
        }
        try {
            return doCompress(data);
        } catch (Exception | LinkageError e) {
            throw new CacheSerializationException(getClass().getSimpleName() + " failed to compress "
                    + data.length + " bytes: " + e, e);
        }
    }

    @Override
    public final byte[] decompress(byte[] data) {
        if (!looksLikeMine(data)) {
            return null;
        }
        try {
            return doDecompress(data);
        } catch (Exception e) {
            return null;
        }
    }

    /** Whether {@code data} starts like a stream of this format; the default checks the magic bytes. */
    protected boolean looksLikeMine(byte[] data) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Compresses data known to be longer than the minimum. */
    protected abstract byte[] doCompress(byte[] data) throws Exception;

    /** Decompresses data that passed {@link #looksLikeMine}; any exception means "not mine". */
    protected abstract byte[] doDecompress(byte[] data) throws Exception;

    /**
     * Throws a configuration error naming the Maven artifact when an optional library is missing.
     *
     * @param probeClass a class of the library
     * @param artifact its {@code groupId:artifactId}
     * @param user the compressor class needing it
     */
    protected static void requireLibrary(String probeClass, String artifact, Class<?> user) {
        try {
            Class.forName(probeClass, false, user.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CacheConfigurationException("add " + artifact + " to the classpath to use "
                    + user.getSimpleName() + " (class " + probeClass + " not found)", e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[minLength=" + minLength + ", level=" + level + "]";
    }
}
