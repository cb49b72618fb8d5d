package org.cacheway.cache.serializer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * The allow-listed calls ({@code REDUCE}) that make a value, checked against the exact argument
 * shapes CPython writes, mapped to {@code java.time}, {@link BigDecimal}, {@code byte[]} and the
 * time-zone values: {@code datetime.timezone} and {@code pytz.utc} become a {@link ZoneOffset},
 * {@code zoneinfo.ZoneInfo} a region {@link ZoneId}. Any other shape is refused.
 */
final class PickleCalls {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private PickleCalls() {
    }

    /** The value of {@code global(*args)}. */
    static Object call(PythonGlobal global, PythonTuple args) {
        switch (global) {
            case DATETIME:
            case DATE:
            case TIME:
                return temporal(global, args);
            case TIMEDELTA:
                return timedelta(args);
            case TIMEZONE:
                return timezone(args);
            case DECIMAL:
                return decimal(args);
            case PYTZ_UTC:
                arity(global, args, 0, 0);
                return ZoneOffset.UTC;
            case GETATTR:
                if (args.size() != 2 || args.get(0) != PythonGlobal.ZONEINFO || !"_unpickle".equals(args.get(1))) {
                    throw refuse("builtins.getattr is allowed only as getattr(zoneinfo.ZoneInfo, '_unpickle')");
                }
                return PythonGlobal.ZONEINFO_UNPICKLE;
            case ZONEINFO_UNPICKLE:
                return zone(args);
            case BYTES:
            case BYTEARRAY:
                arity(global, args, 0, 1);
                return args.isEmpty() ? new byte[0] : bytes(global, args.get(0));
            case CODECS_ENCODE:
                return latin1(args);
            default:
                throw refuse(global + " is allowed only in the shape CPython writes for it, not called");
        }
    }

    private static PickleFormatException refuse(String message) {
        return new PickleFormatException(message);
    }

    private static void arity(PythonGlobal global, PythonTuple args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw refuse(global + " called with " + args.size() + " arguments, expected "
                    + (min == max ? String.valueOf(min) : min + " to " + max));
        }
    }

    /**
     * {@code datetime(state[, tz])}, {@code date(state)} or {@code time(state[, tz])}: a naive value,
     * an offset one for a fixed-offset tzinfo, a ZonedDateTime for a ZoneInfo datetime.
     */
    private static Object temporal(PythonGlobal global, PythonTuple args) {
        arity(global, args, 1, global == PythonGlobal.DATE ? 1 : 2);
        byte[] state = state(global, args.get(0));
        Object local = global == PythonGlobal.DATE ? PythonDatetimes.date(state)
                : global == PythonGlobal.TIME ? PythonDatetimes.time(state) : PythonDatetimes.dateTime(state);
        if (local == null) {
            throw refuse("the " + global + " state is not valid");
        }
        Object tz = args.size() == 2 ? args.get(1) : null;
        if (tz == null) {
            return local;
        }
        if (tz instanceof ZoneOffset offset) {
            return local instanceof LocalTime time ? OffsetTime.of(time, offset)
                    : OffsetDateTime.of((LocalDateTime) local, offset);
        }
        if (tz instanceof ZoneId zone && local instanceof LocalDateTime dateTime) {
            ZonedDateTime zoned = ZonedDateTime.ofLocal(dateTime, zone, null);
            return PythonDatetimes.fold(state) ? zoned.withLaterOffsetAtOverlap() : zoned;
        }
        throw refuse("the tzinfo of a " + global + " must be datetime.timezone, pytz.utc or (for a datetime)"
                + " zoneinfo.ZoneInfo, not " + PickleReader.typeName(tz));
    }

    /** The state bytes; a str (Python 2 data read with latin-1) holds one byte per character. */
    private static byte[] state(PythonGlobal global, Object arg) {
        if (arg instanceof byte[] bytes) {
            return bytes;
        }
        if (arg instanceof String text && text.chars().allMatch(c -> c < 256)) {
            return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        throw refuse(global + " is allowed only with its pickled state (bytes), not a " + PickleReader.typeName(arg));
    }

    private static Duration timedelta(PythonTuple args) {
        arity(PythonGlobal.TIMEDELTA, args, 0, 3);
        BigInteger[] parts = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof Long n) {
                parts[i] = BigInteger.valueOf(n);
            } else if (arg instanceof BigInteger n) {
                parts[i] = n;
            } else {
                throw refuse("datetime.timedelta is allowed only with int arguments, not a "
                        + PickleReader.typeName(arg));
            }
        }
        Duration duration = PythonDatetimes.timedelta(parts[0], parts[1], parts[2]);
        if (duration == null) {
            throw refuse("the timedelta is beyond timedelta.max");
        }
        return duration;
    }

    private static ZoneOffset timezone(PythonTuple args) {
        arity(PythonGlobal.TIMEZONE, args, 1, 2);
        if (!(args.get(0) instanceof Duration offset) || (args.size() == 2 && !(args.get(1) instanceof String))) {
            throw refuse("datetime.timezone is allowed only as timezone(timedelta[, name])");
        }
        if (offset.getNano() != 0) {
            throw refuse("a timezone offset with microseconds (" + offset + ") has no ZoneOffset equivalent");
        }
        try {
            return ZoneOffset.ofTotalSeconds(Math.toIntExact(offset.getSeconds()));
        } catch (DateTimeException | ArithmeticException e) {
            throw refuse("the timezone offset " + offset + " is beyond ZoneOffset's 18 hours");
        }
    }

    private static ZoneId zone(PythonTuple args) {
        arity(PythonGlobal.ZONEINFO_UNPICKLE, args, 2, 2);
        Object key = args.get(0);
        Object fromCache = args.get(1);
        if (!(key instanceof String text) || !(fromCache instanceof Long || fromCache instanceof Boolean)) {
            throw refuse("ZoneInfo._unpickle is allowed only as _unpickle(key, from_cache)");
        }
        try {
            ZoneId zone = ZoneId.of(text);
            if (!(zone instanceof ZoneOffset) && zone.getId().equals(text)) {
                return zone;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        throw refuse("the time zone '" + text + "' is not in Java's time-zone database");
    }

    private static BigDecimal decimal(PythonTuple args) {
        arity(PythonGlobal.DECIMAL, args, 1, 1);
        Object arg = args.get(0);
        if (arg instanceof Long n) {
            return BigDecimal.valueOf(n);
        }
        if (arg instanceof BigInteger n) {
            return new BigDecimal(n);
        }
        if (!(arg instanceof String text)) {
            throw refuse("decimal.Decimal is allowed only with a str or int, not a " + PickleReader.typeName(arg));
        }
        if (text.length() > PythonText.MAX_DIGITS || !DECIMAL.matcher(text).matches()) {
            throw refuse("Decimal('" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                    + "') has no BigDecimal equivalent (NaN, Infinity or not a number of at most "
                    + PythonText.MAX_DIGITS + " characters)");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw refuse("Decimal('" + text + "') has an exponent beyond BigDecimal's range");
        }
    }

    private static byte[] bytes(PythonGlobal global, Object arg) {
        if (arg instanceof byte[] bytes) {
            return bytes;
        }
        throw refuse(global + " is allowed only with no argument or bytes, not a " + PickleReader.typeName(arg));
    }

    /** {@code _codecs.encode(text, 'latin1')}, how protocols 0 to 2 write bytes. */
    private static byte[] latin1(PythonTuple args) {
        arity(PythonGlobal.CODECS_ENCODE, args, 2, 2);
        if (!(args.get(0) instanceof String text) || !("latin1".equals(args.get(1)) || "latin-1".equals(args.get(1)))) {
            throw refuse("_codecs.encode is allowed only as encode(str, 'latin1')");
        }
        if (!text.chars().allMatch(c -> c < 256)) {
            throw refuse("_codecs.encode of text that is not latin-1");
        }
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
