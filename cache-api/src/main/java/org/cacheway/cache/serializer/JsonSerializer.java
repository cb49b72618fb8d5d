package org.cacheway.cache.serializer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cacheway.cache.CacheSerializationException;

/**
 * JSON as django-redis's {@code JSONSerializer} writes it ({@code json.dumps(v,
 * cls=DjangoJSONEncoder)}), byte for byte, and any valid JSON read back.
 *
 * <p>Writing: strings, booleans, null, numbers, maps, collections and arrays are written by a small
 * Python-style writer ({@code ", "}/{@code ": "} separators, non-ASCII as lowercase {@code \\uXXXX},
 * floats as Python's repr, integers as digits, map keys coerced to strings like Python: {@code null}
 * gives {@code "null"}, numbers their text, other keys their {@code toString()}). Dates, times,
 * durations, decimals and UUIDs become DjangoJSONEncoder's strings ({@code 2024-01-02T03:04:05.678Z},
 * {@code "1.10"}). Other objects (POJOs, records, enums) are converted by Jackson to a tree first.
 * {@code byte[]} is refused, as Python refuses bytes.
 *
 * <p>Reading: untyped reads give Django's data model ({@link LinkedHashMap}, {@link ArrayList},
 * {@link String}, {@link Long} or {@link BigInteger}, {@link Double}, {@link Boolean}, null); typed
 * reads use Jackson. Unknown properties are <b>ignored</b> on typed reads (a tolerant reader: the
 * Django side may store more keys than a Java class declares). {@code NaN} and {@code Infinity} are
 * accepted; trailing data after the value is an error, as in Python.
 */
public final class JsonSerializer implements Serializer {
    private static final int MAX_NESTING = PythonJsonWriter.MAX_DEPTH;
    /** Largest per-thread writing buffer kept between calls; larger values allocate their own. */
    private static final int MAX_SCRATCH = 64 * 1024;
    /** Per-thread writing buffer, so that serializing a large value does not grow a buffer from scratch every time. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);
    /** Marks the thread's buffer as taken by a serialize call in progress. */
    private static final byte[] IN_USE = new byte[0];

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final boolean compact;
    private final Function<Object, JsonNode> toTree = this::toTree;

    /** Creates a JSON serializer with Cacheway's Jackson configuration. */
    public JsonSerializer() {
        this(JsonMapper.builder().build());
    }

    /** Creates a JSON serializer; no {@code OPTIONS} key is read at present. */
    public JsonSerializer(Map<String, Object> options) {
        this();
    }

    /**
     * Creates a JSON serializer on a copy of the given mapper (its modules and settings apply to
     * POJOs and typed reads), with Django's encodings and the read settings above added.
     */
    public JsonSerializer(ObjectMapper base) {
        this(base, false);
    }

    /**
     * A JSON serializer writing Python's compact form ({@code separators=(',', ':')}), as Django's
     * {@code signing.dumps} does; reading is the same.
     */
    public static JsonSerializer compact() {
        return new JsonSerializer(JsonMapper.builder().build(), true);
    }

    private JsonSerializer(ObjectMapper base, boolean compact) {
        this.compact = compact;
        ObjectMapper m = base.copy();
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(Integer.MAX_VALUE)
                .maxNumberLength(5000)
                .maxNestingDepth(MAX_NESTING)
                .build());
        m.getFactory().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());
        m.registerModule(new DjangoJacksonModule());
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.USE_LONG_FOR_INTS);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        this.mapper = m;
        this.factory = m.getFactory();
    }

    @Override
    public byte[] serialize(Object value) {
        if (value instanceof String) {
            byte[] plain = plainString((String) value);
            if (plain != null) {
                return plain;
            }
        }
        byte[] scratch = SCRATCH.get();
        if (scratch.length == 0) {
            // Re-entered on this thread (a POJO converter that serializes): use a buffer of its own.
            return new PythonJsonWriter(toTree, new byte[256], compact).write(value).toByteArray();
        }
        SCRATCH.set(IN_USE);
        PythonJsonWriter writer = new PythonJsonWriter(toTree, scratch, compact);
        try {
            return writer.write(value).toByteArray();
        } finally {
            SCRATCH.set(writer.buffer().length <= MAX_SCRATCH ? writer.buffer() : scratch);
        }
    }

    /**
     * The fast path of the most common value, a string of printable ASCII with nothing to escape:
     * the exact bytes the writer would produce, in one allocation; null for any other string.
     */
    private static byte[] plainString(String s) {
        int n = s.length();
        byte[] out = new byte[n + 2];
        out[0] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                return null;
            }
            out[i + 1] = (byte) c;
        }
        out[n + 1] = '"';
        return out;
    }

    /**
     * The reverse fast path: bytes that are one JSON string of printable ASCII with no escape are
     * that text; null for anything else (which the parser then reads, and rejects if invalid).
     */
    private static String plainString(byte[] data) {
        int n = data.length;
        if (n < 2 || data[0] != '"' || data[n - 1] != '"') {
            return null;
        }
        for (int i = 1; i < n - 1; i++) {
            byte b = data[i];
            if (b < 0x20 || b == 0x7f || b == '"' || b == '\\') {
                return null; // negative bytes (non-ASCII) are below 0x20 too
            }
        }
        return new String(data, 1, n - 2, StandardCharsets.ISO_8859_1);
    }

    private JsonNode toTree(Object value) {
        try {
            return mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof JsonProcessingException ? e.getCause() : e;
            throw new CacheSerializationException("cannot serialize " + value.getClass().getName() + " as JSON: "
                    + message(cause), e);
        }
    }

    @Override
    public Object deserialize(byte[] data) {
        String plain = plainString(data);
        if (plain != null) {
            return plain;
        }
        try (JsonParser p = factory.createParser(data)) {
            if (p.nextToken() == null) {
                throw new CacheSerializationException("cannot deserialize " + data.length
                        + " bytes as JSON: no value");
            }
            Object value = read(p);
            if (p.nextToken() != null) {
                throw new CacheSerializationException("cannot deserialize " + data.length
                        + " bytes as JSON: extra data after the value at " + p.currentLocation().getByteOffset());
            }
            return value;
        } catch (IOException e) {
            throw notJson(data, "", e);
        }
    }

    /**
     * The error for bytes that are not JSON; for a pickle (what Django writes by default) it says so
     * and names the setting that shares it.
     */
    private static CacheSerializationException notJson(byte[] data, String as, IOException e) {
        if (PickleSerializer.looksLikePickle(data)) {
            return new CacheSerializationException("cannot deserialize " + data.length + " bytes as JSON" + as
                    + ": they are a Python pickle (protocol " + data[1] + "), as django-redis's default serializer"
                    + " and Django's built-in Redis backend write; to share them set this cache's OPTIONS['"
                    + Serializers.SETTING + "'] = '" + PickleSerializer.DJANGO_REDIS_NAME + "'", e);
        }
        return new CacheSerializationException("cannot deserialize " + data.length + " bytes as JSON" + as + ": "
                + message(e), e);
    }

    /** Reads the value at the current token into Django's data model. */
    private static Object read(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                    p.nextToken();
                    map.put(name, read(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return p.getBigIntegerValue();
                }
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new CacheSerializationException("unexpected JSON token " + p.currentToken());
        }
    }

    @Override
    public <T> T deserialize(byte[] data, Class<T> type) {
        if (type == Object.class || type == String.class) {
            return type.cast(deserialize(data));
        }
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw notJson(data, " into " + type.getName(), e);
        }
    }

    @Override
    public <T> T convert(Object value, Class<T> type) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        try {
            return mapper.convertValue(value, type);
        } catch (IllegalArgumentException e) {
            throw new CacheSerializationException("cannot convert " + value.getClass().getName() + " to "
                    + type.getName() + ": " + message(e.getCause() != null ? e.getCause() : e), e);
        }
    }

    private static String message(Throwable e) {
        String m = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    @Override
    public String toString() {
        return "JsonSerializer";
    }
}
