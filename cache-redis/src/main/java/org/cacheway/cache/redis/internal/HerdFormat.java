package org.cacheway.cache.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cacheway's stored format for herd-protected values (django-redis's is a pickled tuple, which
 * no other serializer can hold): an 18-byte header then the encoded value unchanged.
 *
 * <pre>
 * offset 0..4   magic: 0x00 'H' 'R' 'D' 0x01   (0x01 = format version)
 * offset 5..17  soft expiry: Unix time in milliseconds, 13 ASCII digits, zero-padded
 * offset 18..   the value as the codec encoded it (serializer, then compressor)
 * </pre>
 *
 * <p>No serializer or compressor output starts with a NUL followed by "HRD" (JSON is text,
 * pickle starts 0x80, Java serialization 0xAC 0xED, the compressors with their own magic), so a
 * value without the header is a plain value written by another client and is read as is. Values
 * that are decimal integers (what INCR works on) are never wrapped.
 */
public final class HerdFormat {
    /** The five magic bytes that start a herd value. */
    public static final byte[] MAGIC = {0x00, 'H', 'R', 'D', 0x01};
    /** Digits of the soft expiry. */
    public static final int STAMP_DIGITS = 13;
    /** Bytes before the encoded value. */
    public static final int HEADER_LENGTH = MAGIC.length + STAMP_DIGITS;

    private HerdFormat() {
    }

    /** The header for a value whose soft life ends at {@code softExpiryMillis} (Unix ms). */
    public static byte[] header(long softExpiryMillis) {
        byte[] header = Arrays.copyOf(MAGIC, HEADER_LENGTH);
        System.arraycopy(stamp(softExpiryMillis), 0, header, MAGIC.length, STAMP_DIGITS);
        return header;
    }

    /** The soft expiry as its 13 ASCII digits. */
    public static byte[] stamp(long softExpiryMillis) {
        if (softExpiryMillis < 0 || softExpiryMillis > 9_999_999_999_999L) {
            throw new IllegalArgumentException("soft expiry out of range: " + softExpiryMillis);
        }
        return String.format("%013d", softExpiryMillis).getBytes(StandardCharsets.US_ASCII);
    }

    /** The 13 ASCII digits of a wrapped value's soft expiry (what a refresh claim holds). */
    public static byte[] stampOf(byte[] wrapped) {
        return Arrays.copyOfRange(wrapped, MAGIC.length, HEADER_LENGTH);
    }

    /** The header followed by {@code value}. */
    public static byte[] wrap(byte[] value, long softExpiryMillis) {
        byte[] wrapped = Arrays.copyOf(header(softExpiryMillis), HEADER_LENGTH + value.length);
        System.arraycopy(value, 0, wrapped, HEADER_LENGTH, value.length);
        return wrapped;
    }

    /** Whether {@code raw} carries the herd header. */
    public static boolean isWrapped(byte[] raw) {
        if (raw == null || raw.length < HEADER_LENGTH) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (raw[i] != MAGIC[i]) {
                return false;
            }
        }
        for (int i = MAGIC.length; i < HEADER_LENGTH; i++) {
            if (raw[i] < '0' || raw[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** The soft expiry (Unix ms) of a wrapped value. */
    public static long softExpiry(byte[] wrapped) {
        return Long.parseLong(new String(wrapped, MAGIC.length, STAMP_DIGITS, StandardCharsets.US_ASCII));
    }

    /** The encoded value inside a wrapped value. */
    public static byte[] payload(byte[] wrapped) {
        return Arrays.copyOfRange(wrapped, HEADER_LENGTH, wrapped.length);
    }

    /** Whether {@code value} is a decimal integer (optional minus, 1 to 20 digits): stored unwrapped. */
    public static boolean isInteger(byte[] value) {
        int start = value.length > 0 && value[0] == '-' ? 1 : 0;
        if (value.length == start || value.length > 20) {
            return false;
        }
        for (int i = start; i < value.length; i++) {
            if (value[i] < '0' || value[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
