package org.cacheway.cache.codec;

import java.nio.charset.StandardCharsets;
import org.cacheway.cache.compressor.Compressor;
import org.cacheway.cache.serializer.Serializer;

/** Provisional pipeline (integers as digits, else serializer then compressor); replaced by the codec branch. */
public final class ValueCodec {
    private final Serializer serializer;
    private final Compressor compressor;

    /** A codec over a serializer and a compressor. */
    public ValueCodec(Serializer serializer, Compressor compressor) {
        this.serializer = serializer;
        this.compressor = compressor;
    }

    /** Encodes a value. */
    public byte[] encode(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof java.math.BigInteger) {
            return value.toString().getBytes(StandardCharsets.US_ASCII);
        }
        return compressor.compress(serializer.serialize(value));
    }

    /** Decodes bytes. */
    public Object decode(byte[] raw) {
        try {
            return Long.parseLong(new String(raw, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            byte[] plain = compressor.decompress(raw);
            return serializer.deserialize(plain == null ? raw : plain);
        }
    }

    /** Decodes bytes to a type. */
    public <T> T decode(byte[] raw, Class<T> type) {
        return serializer.convert(decode(raw), type);
    }
}
