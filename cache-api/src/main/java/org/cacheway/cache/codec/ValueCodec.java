package org.cacheway.cache.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.plugin.CompressorFactory;
import org.cacheway.cache.plugin.PluginKind;
import org.cacheway.cache.plugin.PluginRegistry;
import org.cacheway.cache.plugin.SerializerFactory;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.compressor.Compressor;
import org.cacheway.cache.compressor.IdentityCompressor;
import org.cacheway.cache.serializer.JsonSerializer;
import org.cacheway.cache.serializer.Serializer;

/**
 * The wire format of a cached value, identical to django-redis's encoding pipeline, so that Java
 * and Django read each other's values byte for byte.
 *
 * <h2>Encoding</h2>
 * <ol>
 *   <li>An integer ({@link Long}, {@link Integer}, {@link Short}, {@link Byte}, {@link BigInteger};
 *       <b>not</b> {@link Boolean}) is stored as its decimal ASCII digits ({@code 42}, {@code -7},
 *       {@code 1180591620717411303424}), never serialized nor compressed: this is what redis-py
 *       sends for a Python {@code int}, and what lets Redis {@code INCR} work on it.</li>
 *   <li>Anything else: {@code compressor.compress(serializer.serialize(value))}. With the JSON
 *       serializer, {@code "hello"} is stored as the 7 bytes {@code "hello"}, {@code 1.5} as
 *       {@code 1.5}, {@code true} as {@code true}. The compressor only compresses data longer than
 *       its minimum (15 bytes; lzma 100).</li>
 * </ol>
 *
 * <h2>Decoding</h2>
 * <ol>
 *   <li>If the bytes parse as Python's {@code int()} would (optional surrounding ASCII whitespace,
 *       an optional sign, digits with single underscores between digits), the value is a {@link Long},
 *       or a {@link BigInteger} beyond the long range.</li>
 *   <li>Else {@code compressor.decompress(bytes)}; when the bytes are not in the compressor's format
 *       ({@code null}) they were stored plain and are used as they are. Nothing marks a compressed
 *       value.</li>
 *   <li>Then {@code serializer.deserialize}; its errors propagate as
 *       {@link CacheSerializationException}.</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ValueCodec {
    private static final ValueCodec DEFAULT = new ValueCodec(new JsonSerializer(), IdentityCompressor.INSTANCE);

    /** {@code OPTIONS['SERIALIZER']}: the serializer's name (JSON by default). */
    public static final CacheOption<String> SERIALIZER = CacheOption.string("SERIALIZER", null);
    /** {@code OPTIONS['COMPRESSOR']}: the compressor's name (none by default). */
    public static final CacheOption<String> COMPRESSOR = CacheOption.string("COMPRESSOR", null);

    private final Serializer serializer;
    private final Compressor compressor;

    /** Creates a codec from a serializer and a compressor. */
    public ValueCodec(Serializer serializer, Compressor compressor) {
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.compressor = Objects.requireNonNull(compressor, "compressor");
    }

    /** The default codec: JSON, no compression. */
    public static ValueCodec defaultCodec() {
        return DEFAULT;
    }

    /**
     * The codec a cache's settings describe: the serializer and compressor their names stand for in
     * the plugin registry, each built from its own declared options.
     *
     * @throws org.cacheway.cache.CacheConfigurationException for unknown or unusable settings
     */
    public static ValueCodec from(CacheSettings settings) {
        return new ValueCodec(serializerFactory(settings).create(settings), compressorFactory(settings).create(settings));
    }

    /** The options the codec of {@code settings} reads: the two names and its serializer's and compressor's own. */
    public static List<CacheOption<?>> options(CacheSettings settings) {
        List<CacheOption<?>> options = new ArrayList<>(List.of(SERIALIZER, COMPRESSOR));
        options.addAll(serializerFactory(settings).options());
        options.addAll(compressorFactory(settings).options());
        return options;
    }

    private static SerializerFactory serializerFactory(CacheSettings settings) {
        String name = SERIALIZER.read(settings);
        return PluginRegistry.global().resolve(PluginKind.SERIALIZER, settings.alias(),
                name == null || name.isBlank() ? "json" : name);
    }

    private static CompressorFactory compressorFactory(CacheSettings settings) {
        String name = COMPRESSOR.read(settings);
        return PluginRegistry.global().resolve(PluginKind.COMPRESSOR, settings.alias(),
                name == null || name.isBlank() ? "identity" : name);
    }

    /** The serializer in use. */
    public Serializer serializer() {
        return serializer;
    }

    /** The compressor in use. */
    public Compressor compressor() {
        return compressor;
    }

    /** Whether a value takes the raw-digits path (a Java integer type, not a boolean). */
    public static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    /**
     * The bytes to store for a value.
     *
     * @throws CacheSerializationException when the serializer cannot handle the value
     */
    public byte[] encode(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return encodeLong(((Number) value).longValue());
        }
        if (value instanceof BigInteger) {
            return value.toString().getBytes(StandardCharsets.US_ASCII);
        }
        return compressor.compress(serializer.serialize(value));
    }

    /** The decimal ASCII digits of a long, as stored for an integer. */
    public static byte[] encodeLong(long value) {
        if (value >= 0 && value < 10) {
            return new byte[] {(byte) ('0' + value)};
        }
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The value stored as these bytes, in the serializer's untyped model (integers as {@link Long}
     * or {@link BigInteger}).
     *
     * @throws CacheSerializationException when the bytes cannot be decoded
     */
    public Object decode(byte[] raw) {
        Number integer = parseInteger(raw);
        if (integer != null) {
            return integer;
        }
        return serializer.deserialize(decompressed(raw));
    }

    /**
     * The value stored as these bytes, as the requested type. Integers stored as digits convert to
     * {@link Long}, {@link Integer}, {@link Short}, {@link Byte}, {@link BigInteger}, {@link Double},
     * {@link Float}, {@link Number} or {@link Object} here, to other types through
     * {@link Serializer#convert}.
     *
     * @throws CacheSerializationException when the bytes cannot be decoded or do not fit the type
     */
    @SuppressWarnings("unchecked")
    public <T> T decode(byte[] raw, Class<T> type) {
        Number integer = parseInteger(raw);
        if (integer != null) {
            return (T) convertInteger(integer, type);
        }
        byte[] data = decompressed(raw);
        if (type == Object.class) {
            return (T) serializer.deserialize(data);
        }
        return serializer.deserialize(data, type);
    }

    private byte[] decompressed(byte[] raw) {
        byte[] plain = compressor.decompress(raw);
        return plain != null ? plain : raw;
    }

    private Object convertInteger(Number n, Class<?> type) {
        if (type == Object.class || type == Number.class || type.isInstance(n)) {
            return n;
        }
        boolean big = n instanceof BigInteger;
        try {
            if (type == Long.class || type == long.class) {
                return big ? ((BigInteger) n).longValueExact() : n;
            }
            if (type == Integer.class || type == int.class) {
                return big ? ((BigInteger) n).intValueExact() : Math.toIntExact(n.longValue());
            }
            if (type == Short.class || type == short.class) {
                return big ? ((BigInteger) n).shortValueExact() : (short) checkRange(n.longValue(),
                        Short.MIN_VALUE, Short.MAX_VALUE);
            }
            if (type == Byte.class || type == byte.class) {
                return big ? ((BigInteger) n).byteValueExact() : (byte) checkRange(n.longValue(),
                        Byte.MIN_VALUE, Byte.MAX_VALUE);
            }
        } catch (ArithmeticException e) {
            throw new CacheSerializationException("integer " + n + " does not fit " + type.getName(), e);
        }
        if (type == BigInteger.class) {
            return BigInteger.valueOf(n.longValue());
        }
        if (type == Double.class || type == double.class) {
            return n.doubleValue();
        }
        if (type == Float.class || type == float.class) {
            return n.floatValue();
        }
        return serializer.convert(n, type);
    }

    private static long checkRange(long value, long min, long max) {
        if (value < min || value > max) {
            throw new ArithmeticException("out of range");
        }
        return value;
    }

    /**
     * The integer these bytes hold if they are one by Python's {@code int()} grammar, within the
     * long range; else {@code null}. Handy for an in-memory {@code incr}.
     */
    public static Long parseLong(byte[] raw) {
        Number n = parseInteger(raw);
        return n instanceof Long ? (Long) n : null;
    }

    /**
     * The integer these bytes hold by Python's {@code int()} grammar ({@link Long}, or
     * {@link BigInteger} beyond the long range), or {@code null} when they are not an integer.
     * Accepts {@code " 42\n"}, {@code "+7"}, {@code "1_000"}; rejects {@code "42.0"}, {@code "0x10"},
     * {@code ""}, {@code "4 2"}, {@code "1__0"}, {@code "_1"}.
     */
    public static Number parseInteger(byte[] raw) {
        int n = raw.length;
        if (n == 0) {
            return null;
        }
        int first = raw[0];
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && !isSpace(first)) {
            return null; // the common case: JSON text, compressed data
        }
        int i = 0;
        while (i < n && isSpace(raw[i])) {
            i++;
        }
        int end = n;
        while (end > i && isSpace(raw[end - 1])) {
            end--;
        }
        boolean negative = false;
        if (i < end && (raw[i] == '-' || raw[i] == '+')) {
            negative = raw[i] == '-';
            i++;
        }
        if (i >= end || !isDigit(raw[i]) || !isDigit(raw[end - 1])) {
            return null;
        }
        long value = 0;
        int digits = 0;
        for (int j = i; j < end; j++) {
            byte b = raw[j];
            if (isDigit(b)) {
                digits++;
                if (digits <= 18) {
                    value = value * 10 + (b - '0');
                }
            } else if (b != '_' || !isDigit(raw[j + 1])) {
                return null; // an underscore is only valid between two digits (the last byte is a digit)
            }
        }
        if (digits <= 18) {
            return negative ? -value : value;
        }
        StringBuilder text = new StringBuilder(digits + 1);
        if (negative) {
            text.append('-');
        }
        for (int j = i; j < end; j++) {
            if (raw[j] != '_') {
                text.append((char) raw[j]);
            }
        }
        BigInteger big = new BigInteger(text.toString());
        return big.bitLength() < 64 ? (Number) big.longValue() : big;
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    /** Python's bytes whitespace: space, \t, \n, \v, \f, \r. */
    private static boolean isSpace(int b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    @Override
    public String toString() {
        return "ValueCodec[" + serializer + ", " + compressor + "]";
    }
}
