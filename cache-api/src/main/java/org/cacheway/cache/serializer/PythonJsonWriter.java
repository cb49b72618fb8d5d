package org.cacheway.cache.serializer;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.cacheway.cache.CacheSerializationException;

/**
 * Writes values as Python's {@code json.dumps(v, cls=DjangoJSONEncoder)} does, byte for byte:
 * {@code ", "} and {@code ": "} separators, ASCII only ({@code \\uXXXX} escapes in lowercase hex),
 * floats as Python's repr. Common types are written directly; anything else goes through a
 * converter to a Jackson tree. One instance per call; its buffer may be a reused scratch buffer.
 */
final class PythonJsonWriter {
    /** Deeper nesting is refused, like Python's recursion limit (and it catches cycles). */
    static final int MAX_DEPTH = 1000;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Function<Object, JsonNode> fallback;
    private final boolean compact;
    private byte[] buf;
    private int len;

    /**
     * A writer starting in {@code buffer} (overwritten; replaced by a larger copy when it fills);
     * {@code compact} drops the space after {@code ,} and {@code :} (Python's
     * {@code separators=(',', ':')}, which Django's signing uses).
     */
    PythonJsonWriter(Function<Object, JsonNode> fallback, byte[] buffer, boolean compact) {
        this.fallback = fallback;
        this.compact = compact;
        this.buf = buffer;
    }

    /** The current buffer: the one given, or the larger one that replaced it. */
    byte[] buffer() {
        return buf;
    }

    /** The space Python's default separators put after {@code ,} and {@code :}. */
    private void space() {
        if (!compact) {
            put(' ');
        }
    }

    /** The bytes written so far. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** Writes one value. */
    PythonJsonWriter write(Object value) {
        write(value, 0);
        return this;
    }

    private void write(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new CacheSerializationException("cannot serialize as JSON: nesting deeper than " + MAX_DEPTH
                    + " levels (circular reference?)");
        }
        if (value == null) {
            ascii("null");
        } else if (value instanceof String) {
            string((String) value);
        } else if (value instanceof Boolean) {
            ascii((Boolean) value ? "true" : "false");
        } else if (value instanceof Number) {
            number((Number) value, depth);
        } else if (value instanceof Map) {
            map((Map<?, ?>) value, depth);
        } else if (value instanceof Collection) {
            iterable(((Collection<?>) value).iterator(), depth);
        } else if (value instanceof JsonNode) {
            node((JsonNode) value, depth);
        } else if (value instanceof CharSequence || value instanceof Character) {
            string(value.toString());
        } else if (value instanceof byte[]) {
            throw new CacheSerializationException("Object of type byte[] is not JSON serializable"
                    + " (Python raises TypeError for bytes); encode it, e.g. as Base64 text");
        } else if (value.getClass().isArray()) {
            array(value, depth);
        } else {
            String django = DjangoFormats.format(value);
            if (django != null) {
                string(django);
            } else {
                node(fallback.apply(value), depth);
            }
        }
    }

    private void number(Number n, int depth) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            digits(n.longValue());
        } else if (n instanceof BigInteger || n instanceof AtomicInteger || n instanceof AtomicLong) {
            ascii(n.toString());
        } else if (n instanceof Double) {
            ascii(PythonFloats.repr(n.doubleValue()));
        } else if (n instanceof Float) {
            ascii(PythonFloats.repr(n.floatValue()));
        } else if (n instanceof BigDecimal) {
            string(n.toString());
        } else {
            node(fallback.apply(n), depth);
        }
    }

    private void map(Map<?, ?> map, int depth) {
        put('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                put(',');
                space();
            }
            first = false;
            string(key(e.getKey()));
            put(':');
            space();
            write(e.getValue(), depth + 1);
        }
        put('}');
    }

    /** Python's key coercion: str as is, numbers as their JSON text, booleans and None as literals. */
    private static String key(Object key) {
        if (key instanceof String) {
            return (String) key;
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean) {
            return (Boolean) key ? "true" : "false";
        }
        if (key instanceof Double || key instanceof Float) {
            return PythonFloats.repr(((Number) key).doubleValue());
        }
        String django = DjangoFormats.format(key);
        return django != null ? django : key.toString();
    }

    private void iterable(Iterator<?> it, int depth) {
        put('[');
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                put(',');
                space();
            }
            first = false;
            write(it.next(), depth + 1);
        }
        put(']');
    }

    private void array(Object array, int depth) {
        put('[');
        int n = Array.getLength(array);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                put(',');
                space();
            }
            write(Array.get(array, i), depth + 1);
        }
        put(']');
    }

    private void node(JsonNode node, int depth) {
        switch (node.getNodeType()) {
            case OBJECT:
                put('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    if (!first) {
                        put(',');
                        space();
                    }
                    first = false;
                    string(e.getKey());
                    put(':');
                    space();
                    node(e.getValue(), depth + 1);
                }
                put('}');
                break;
            case ARRAY:
                iterable(node.elements(), depth);
                break;
            case STRING:
                string(node.textValue());
                break;
            case NUMBER:
                if (node.isIntegralNumber()) {
                    ascii(node.bigIntegerValue().toString());
                } else if (node.isBigDecimal()) {
                    string(node.decimalValue().toString());
                } else if (node.isFloat()) {
                    ascii(PythonFloats.repr(node.floatValue()));
                } else {
                    ascii(PythonFloats.repr(node.doubleValue()));
                }
                break;
            case BOOLEAN:
                ascii(node.booleanValue() ? "true" : "false");
                break;
            case NULL:
            case MISSING:
                ascii("null");
                break;
            case POJO:
                write(((com.fasterxml.jackson.databind.node.POJONode) node).getPojo(), depth + 1);
                break;
            case BINARY:
            default:
                throw new CacheSerializationException("Object of type byte[] is not JSON serializable"
                        + " (Python raises TypeError for bytes)");
        }
    }

    /** A JSON string with Python's ensure_ascii escaping. */
    private void string(String s) {
        int n = s.length();
        ensure(n + 2);
        buf[len++] = '"';
        // The common case, printable ASCII, in a tight loop over locals (the capacity is ensured);
        // the first character needing an escape hands over to the general loop below.
        byte[] out = buf;
        int at = len;
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                break;
            }
            out[at++] = (byte) c;
        }
        len = at;
        escaped(s, i);
        put('"');
    }

    /** The rest of a string from index {@code from}, escaping as needed. */
    private void escaped(String s, int from) {
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                if (len == buf.length) {
                    ensure(1 + (n - i) + 1);
                }
                buf[len++] = (byte) c;
            } else {
                escape(c);
                ensure((n - i) + 1);
            }
        }
    }

    private void escape(char c) {
        ensure(6);
        buf[len++] = '\\';
        switch (c) {
            case '"': buf[len++] = '"'; return;
            case '\\': buf[len++] = '\\'; return;
            case '\n': buf[len++] = 'n'; return;
            case '\r': buf[len++] = 'r'; return;
            case '\t': buf[len++] = 't'; return;
            case '\b': buf[len++] = 'b'; return;
            case '\f': buf[len++] = 'f'; return;
            default:
                buf[len++] = 'u';
                buf[len++] = HEX[(c >> 12) & 0xf];
                buf[len++] = HEX[(c >> 8) & 0xf];
                buf[len++] = HEX[(c >> 4) & 0xf];
                buf[len++] = HEX[c & 0xf];
        }
    }

    /** A long's decimal digits, written straight into the buffer (no intermediate String). */
    private void digits(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int end = len + digitCount(v);
        for (int i = end - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len = end;
    }

    private static int digitCount(long v) {
        int count = 1;
        for (long bound = 10; count < 19 && v >= bound; bound *= 10) {
            count++;
        }
        return count;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void put(char c) {
        if (len == buf.length) {
            ensure(1);
        }
        buf[len++] = (byte) c;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(len + extra, buf.length * 2));
        }
    }
}
