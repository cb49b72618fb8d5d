package org.cacheway.cache.serializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.codec.ValueCodec;

/**
 * Python's pickle restricted to data, as django-redis's default {@code PickleSerializer} and
 * Django's built-in Redis backend store values, so that Java shares a Django cache without either
 * side changing its serializer. It reads what any Python writes (protocols 0 to 5) and writes the
 * bytes CPython's {@code pickle.dumps(value, protocol)} writes for the same value.
 *
 * <h2>Safe by construction</h2>
 * Nothing is loaded, instantiated or called: the reader knows the data model and a fixed
 * allow-list of globals ({@code datetime.datetime/date/time/timedelta/timezone}, {@code decimal.Decimal},
 * {@code uuid.UUID}, {@code pytz._UTC}, {@code zoneinfo.ZoneInfo} only as
 * {@code getattr(zoneinfo.ZoneInfo, '_unpickle')}, and the builtins protocols 0 to 3 use for sets,
 * frozensets and bytes), each accepted only in the call shapes CPython writes. Any other global,
 * {@code REDUCE}, {@code BUILD}, {@code INST}, {@code OBJ}, {@code NEWOBJ}, {@code NEWOBJ_EX},
 * {@code EXT1/2/4}, persistent id or unknown opcode is a {@link CacheSerializationException} naming
 * it, raised where it appears. Bounds: at most {@value #MAX_LENGTH} bytes, {@value #MAX_DEPTH}
 * nesting levels and {@value #MAX_ITEMS} items per value (a container shared through the memo counted
 * each time it appears), lengths checked against the remaining bytes before anything is allocated.
 *
 * <h2>Types</h2>
 * <table>
 *   <caption>Python and Java types</caption>
 *   <tr><th>Python</th><th>read as</th><th>written from</th></tr>
 *   <tr><td>{@code None}, {@code bool}, {@code float}, {@code str}</td><td>null, Boolean, Double, String</td>
 *       <td>null, Boolean, Double/Float, CharSequence</td></tr>
 *   <tr><td>{@code int}</td><td>Long, BigInteger beyond 64 bits</td><td>Long/Integer/Short/Byte/BigInteger</td></tr>
 *   <tr><td>{@code bytes}, {@code bytearray}</td><td>byte[]</td><td>byte[] (as bytes)</td></tr>
 *   <tr><td>{@code list}</td><td>ArrayList</td><td>List, other Collections, Object[]</td></tr>
 *   <tr><td>{@code tuple}</td><td>an unmodifiable List</td><td>only a tuple that was read (other Lists are lists)</td></tr>
 *   <tr><td>{@code dict}</td><td>LinkedHashMap</td><td>Map (keys must be hashable in Python)</td></tr>
 *   <tr><td>{@code set}, {@code frozenset}</td><td>LinkedHashSet, an unmodifiable Set</td>
 *       <td>Set (a frozenset only when it was read as one)</td></tr>
 *   <tr><td>naive {@code datetime}, {@code date}, {@code time}</td><td>LocalDateTime, LocalDate, LocalTime</td>
 *       <td>the same</td></tr>
 *   <tr><td>{@code datetime} with {@code timezone(offset)} or {@code pytz.utc}</td><td>OffsetDateTime</td>
 *       <td>OffsetDateTime, Instant (UTC), ZonedDateTime with an offset zone</td></tr>
 *   <tr><td>{@code datetime} with {@code zoneinfo.ZoneInfo}</td><td>ZonedDateTime ({@code fold} as the
 *       later offset)</td><td>ZonedDateTime with a region zone</td></tr>
 *   <tr><td>{@code time} with {@code timezone(offset)}</td><td>OffsetTime</td><td>OffsetTime</td></tr>
 *   <tr><td>{@code timedelta}</td><td>Duration</td><td>Duration</td></tr>
 *   <tr><td>{@code timezone}, {@code pytz.utc}, {@code ZoneInfo}</td><td>ZoneOffset, ZoneOffset.UTC, ZoneId</td>
 *       <td>ZoneOffset ({@code timezone.utc} for zero), ZoneId</td></tr>
 *   <tr><td>{@code Decimal}, {@code UUID}</td><td>BigDecimal, UUID</td><td>BigDecimal, UUID</td></tr>
 * </table>
 * Sub-microsecond precision is truncated (Python has microseconds); a timezone's name is dropped;
 * {@code Decimal} NaN and Infinity, and years outside 1 to 9999, are refused. Other Java types are
 * refused on write. Typed reads convert what was read as {@link JsonSerializer} converts (Jackson).
 *
 * <p>Integers at the top level never reach a serializer: {@link ValueCodec} stores them as digits, as
 * both Django backends do. Thread-safe.
 */
public final class PickleSerializer implements Serializer {
    /** django-redis's name of its pickle serializer, accepted by {@link Serializers}. */
    public static final String DJANGO_REDIS_NAME = "django_redis.serializers.pickle.PickleSerializer";
    /** The {@code OPTIONS} key of the protocol written (django-redis's name). */
    public static final String PICKLE_VERSION = "PICKLE_VERSION";
    /** {@code pickle.DEFAULT_PROTOCOL} of Python 3.8 to 3.13, django-redis's default. */
    public static final int DEFAULT_PROTOCOL = 4;
    /** {@code pickle.HIGHEST_PROTOCOL}, what Django's built-in Redis backend writes. */
    public static final int HIGHEST_PROTOCOL = 5;
    /** The deepest nesting of containers read or written. */
    public static final int MAX_DEPTH = 1000;
    /** The most items one value may hold, counting a shared container each time it appears. */
    public static final long MAX_ITEMS = 10_000_000L;
    /** The longest pickle read (Redis's default {@code proto-max-bulk-len}). */
    public static final int MAX_LENGTH = 512 * 1024 * 1024;

    private final int protocol;

    /** Typed reads convert as the JSON serializer does; made on first use, shared (it is thread-safe). */
    private static final class Converter {
        static final JsonSerializer JSON = new JsonSerializer();
    }

    /** A serializer writing protocol {@value #DEFAULT_PROTOCOL}, as django-redis does by default. */
    public PickleSerializer() {
        this(DEFAULT_PROTOCOL);
    }

    /**
     * A serializer writing a protocol: 2 to 5, or a negative number for the highest (as Python).
     *
     * @throws CacheConfigurationException for 0, 1 (not written by Cacheway) or above 5
     */
    public PickleSerializer(int protocol) {
        this.protocol = checked(protocol, protocol, null);
    }

    /** A serializer writing {@code OPTIONS['PICKLE_VERSION']} (default {@value #DEFAULT_PROTOCOL}). */
    public PickleSerializer(Map<String, Object> options) {
        this(options, null);
    }

    private PickleSerializer(Map<String, Object> options, String alias) {
        Object value = options == null ? null : options.get(PICKLE_VERSION);
        this.protocol = value == null ? DEFAULT_PROTOCOL : checked(integer(value, alias), value, alias);
    }

    /**
     * The serializer a cache's {@code OPTIONS} describe, with errors naming the alias.
     *
     * @throws CacheConfigurationException for a {@code PICKLE_VERSION} that is not an integer from 2 to
     *     5 or negative
     */
    static PickleSerializer fromOptions(Map<String, Object> options, String alias) {
        return new PickleSerializer(options, alias);
    }

    private static int integer(Object value, String alias) {
        Long n = null;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            n = ((Number) value).longValue();
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            n = d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE ? (Long) (long) d : null;
        } else if (value instanceof String text) {
            n = ValueCodec.parseLong(text.getBytes(StandardCharsets.US_ASCII));
        }
        if (n == null || Math.abs(n) > Integer.MAX_VALUE) {
            throw error(alias, value, "PICKLE_VERSION value must be an integer");
        }
        return n.intValue();
    }

    private static int checked(int protocol, Object value, String alias) {
        if (protocol > HIGHEST_PROTOCOL) {
            throw error(alias, value, "PICKLE_VERSION can't be higher than pickle.HIGHEST_PROTOCOL: "
                    + HIGHEST_PROTOCOL);
        }
        if (protocol == 0 || protocol == 1) {
            throw error(alias, value, "Cacheway writes pickle protocols 2 to 5 (any protocol is read);"
                    + " use 2 to 5, or -1 for the highest");
        }
        return protocol < 0 ? HIGHEST_PROTOCOL : protocol;
    }

    private static CacheConfigurationException error(String alias, Object value, String problem) {
        if (alias == null) {
            String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
            return new CacheConfigurationException("OPTIONS['" + PICKLE_VERSION + "'] = " + shown + ": " + problem);
        }
        return CacheConfigurationException.of(alias, "OPTIONS']['" + PICKLE_VERSION, value, problem);
    }

    /** The protocol this serializer writes (2 to 5). */
    public int protocol() {
        return protocol;
    }

    /**
     * Whether bytes look like a pickle of protocol 2 or later ({@code 0x80} then the protocol), as
     * both Django backends write by default.
     */
    public static boolean looksLikePickle(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x80 && data[1] >= 2 && data[1] <= HIGHEST_PROTOCOL;
    }

    @Override
    public byte[] serialize(Object value) {
        return PickleWriter.write(value, protocol);
    }

    @Override
    public Object deserialize(byte[] data) {
        return PickleReader.read(data);
    }

    @Override
    public <T> T deserialize(byte[] data, Class<T> type) {
        return convert(deserialize(data), type);
    }

    @Override
    public <T> T convert(Object value, Class<T> type) {
        return value == null || type.isInstance(value) ? type.cast(value) : Converter.JSON.convert(value, type);
    }

    @Override
    public String toString() {
        return "PickleSerializer[protocol=" + protocol + "]";
    }
}
