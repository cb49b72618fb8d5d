package org.cacheway.cache.serializer;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The text codecs a pickle uses, as CPython applies them: UTF-8 with {@code surrogatepass} (the
 * {@code BINUNICODE} family), {@code raw-unicode-escape} ({@code UNICODE}), Python 2 string escapes
 * ({@code STRING}) and the decimal numbers of the protocol-0 opcodes. Decoders return null for input
 * Python would refuse, so that the reader reports it with its offset.
 */
final class PythonText {
    /** Python's default limit on the digits of an integer read from text ({@code sys.get_int_max_str_digits()}). */
    static final int MAX_DIGITS = 4300;

    private static final Pattern DECIMAL_INT = Pattern.compile("[+-]?(0|[1-9][0-9]*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|(?i:inf|infinity|nan))");

    private PythonText() {
    }

    /** UTF-8 with lone surrogates allowed (Python's {@code surrogatepass}); null when malformed. */
    static String decodeUtf8(byte[] data, int offset, int length) {
        char[] out = new char[length];
        int n = 0;
        int i = offset;
        int end = offset + length;
        while (i < end) {
            int c = data[i] & 0xff;
            if (c < 0x80) {
                out[n++] = (char) c;
                i++;
            } else if (c < 0xc2 || c > 0xf4) {
                return null;
            } else if (c < 0xe0) {
                if (i + 1 >= end || !continuation(data[i + 1])) {
                    return null;
                }
                out[n++] = (char) (((c & 0x1f) << 6) | (data[i + 1] & 0x3f));
                i += 2;
            } else if (c < 0xf0) {
                if (i + 2 >= end || !continuation(data[i + 1]) || !continuation(data[i + 2])
                        || (c == 0xe0 && (data[i + 1] & 0xff) < 0xa0)) {
                    return null;
                }
                out[n++] = (char) (((c & 0x0f) << 12) | ((data[i + 1] & 0x3f) << 6) | (data[i + 2] & 0x3f));
                i += 3;
            } else {
                if (i + 3 >= end) {
                    return null;
                }
                int second = data[i + 1] & 0xff;
                if (!continuation(data[i + 1]) || !continuation(data[i + 2]) || !continuation(data[i + 3])
                        || (c == 0xf0 && second < 0x90) || (c == 0xf4 && second > 0x8f)) {
                    return null;
                }
                int cp = ((c & 0x07) << 18) | ((second & 0x3f) << 12) | ((data[i + 2] & 0x3f) << 6)
                        | (data[i + 3] & 0x3f);
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
                i += 4;
            }
        }
        return new String(out, 0, n);
    }

    private static boolean continuation(byte b) {
        return (b & 0xc0) == 0x80;
    }

    /** The UTF-8 bytes Python writes for a str: lone surrogates as three bytes ({@code surrogatepass}). */
    static byte[] encodeUtf8(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && !Character.isSurrogate(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(n * 3);
        byte[] head = s.substring(0, i).getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                out.write(0xf0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3f));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
                i += 2;
                continue;
            }
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xc0 | (c >> 6));
                out.write(0x80 | (c & 0x3f));
            } else {
                out.write(0xe0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3f));
                out.write(0x80 | (c & 0x3f));
            }
            i++;
        }
        return out.toByteArray();
    }

    /**
     * Python's {@code raw-unicode-escape} decoding (protocol 0's {@code UNICODE}): bytes are Latin-1
     * except {@code \\uXXXX} and {@code \\UXXXXXXXX} after an odd number of backslashes; null when an
     * escape is truncated or out of range.
     */
    static String decodeRawUnicodeEscape(byte[] data, int offset, int length) {
        StringBuilder out = new StringBuilder(length);
        int end = offset + length;
        int backslashes = 0;
        for (int i = offset; i < end; i++) {
            char c = (char) (data[i] & 0xff);
            if (backslashes % 2 == 1 && (c == 'u' || c == 'U')) {
                int digits = c == 'u' ? 4 : 8;
                int cp = hex(data, i + 1, Math.min(digits, end - i - 1));
                if (end - i - 1 < digits || cp < 0 || cp > Character.MAX_CODE_POINT) {
                    return null;
                }
                out.setLength(out.length() - 1);
                out.appendCodePoint(cp);
                i += digits;
                backslashes = 0;
                continue;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            out.append(c);
        }
        return out.toString();
    }

    /** The value of {@code count} hex digits, or -1 when one is not a hex digit. */
    private static int hex(byte[] data, int offset, int count) {
        long value = 0;
        for (int i = offset; i < offset + count; i++) {
            int digit = Character.digit(data[i] & 0xff, 16);
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /**
     * The text of a protocol-0 {@code STRING} argument ({@code 'text'} or {@code "text"} with
     * Python 2 escapes), decoded as ASCII like Python 3's default unpickler; null when not quoted,
     * badly escaped or not ASCII.
     */
    static String decodeQuotedAscii(String line) {
        int n = line.length();
        if (n < 2 || (line.charAt(0) != '\'' && line.charAt(0) != '"') || line.charAt(n - 1) != line.charAt(0)) {
            return null;
        }
        StringBuilder out = new StringBuilder(n);
        for (int i = 1; i < n - 1; i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == n - 1) {
                return null;
            }
            char e = line.charAt(i);
            int octal = Character.digit(e, 8);
            if (octal >= 0) {
                int value = octal;
                for (int k = 0; k < 2 && i + 1 < n - 1 && Character.digit(line.charAt(i + 1), 8) >= 0; k++) {
                    value = value * 8 + Character.digit(line.charAt(++i), 8);
                }
                out.append((char) (value & 0xff));
                continue;
            }
            int simple = "\\'\"abfnrtv".indexOf(e);
            if (simple >= 0) {
                out.append("\\'\"\u0007\b\f\n\r\t\u000b".charAt(simple));
            } else if (e == 'x') {
                int h1 = i + 2 < n - 1 ? Character.digit(line.charAt(i + 1), 16) : -1;
                int h2 = h1 >= 0 ? Character.digit(line.charAt(i + 2), 16) : -1;
                if (h2 < 0) {
                    return null;
                }
                out.append((char) (h1 * 16 + h2));
                i += 2;
            } else if (e != '\n') {
                out.append('\\').append(e);
            }
        }
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) > 0x7f) {
                return null;
            }
        }
        return out.toString();
    }

    /**
     * A decimal integer as protocol 0 writes it ({@code -7}, {@code 1180591620717411303424}), as a
     * Long or BigInteger; null for other shapes (hex, octal, leading zeros) or more than
     * {@value #MAX_DIGITS} digits, which Python would read differently or refuse.
     */
    static Number parseDecimal(String text) {
        int digits = text.length() - (text.startsWith("-") || text.startsWith("+") ? 1 : 0);
        if (digits > MAX_DIGITS || !DECIMAL_INT.matcher(text).matches()) {
            return null;
        }
        return integer(new BigInteger(text));
    }

    /** A protocol-0 {@code FLOAT} argument ({@code 1.5}, {@code -inf}, {@code nan}); null when malformed or overflowing. */
    static Double parseFloat(String text) {
        if (text.length() > MAX_DIGITS || !FLOAT.matcher(text).matches()) {
            return null;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        boolean negative = lower.startsWith("-");
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? null : value;
    }

    /** Python's int as Cacheway's model holds it: a Long within 64 bits, else the BigInteger. */
    static Number integer(BigInteger value) {
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }
}
