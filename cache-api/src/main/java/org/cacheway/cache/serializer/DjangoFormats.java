package org.cacheway.cache.serializer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.UUID;
import org.cacheway.cache.CacheSerializationException;

/**
 * The strings Django's {@code DjangoJSONEncoder} writes for values JSON has no type for: datetimes
 * as ISO 8601 with milliseconds and {@code Z} for UTC, dates, naive times, timedeltas as ISO
 * durations, decimals and UUIDs as their text.
 */
final class DjangoFormats {
    private DjangoFormats() {
    }

    /**
     * The Django text of a value, or {@code null} when the type is not one DjangoJSONEncoder handles.
     *
     * @throws CacheSerializationException for an offset time (Django refuses aware times)
     */
    public static String format(Object value) {
        if (value instanceof TemporalAccessor) {
            return formatTemporal((TemporalAccessor) value);
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toString();
        }
        if (value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Duration) {
            return duration((Duration) value);
        }
        if (value instanceof Date) {
            return dateTime(((Date) value).toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime(), ZoneOffset.UTC);
        }
        return null;
    }

    private static String formatTemporal(TemporalAccessor value) {
        if (value instanceof Instant) {
            return dateTime(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC), ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime) {
            OffsetDateTime t = (OffsetDateTime) value;
            return dateTime(t.toLocalDateTime(), t.getOffset());
        }
        if (value instanceof ZonedDateTime) {
            ZonedDateTime t = (ZonedDateTime) value;
            return dateTime(t.toLocalDateTime(), t.getOffset());
        }
        if (value instanceof LocalDateTime) {
            return dateTime((LocalDateTime) value, null);
        }
        if (value instanceof LocalDate) {
            return date((LocalDate) value);
        }
        if (value instanceof LocalTime) {
            return time(new StringBuilder(12), (LocalTime) value).toString();
        }
        if (value instanceof java.time.OffsetTime) {
            throw new CacheSerializationException("JSON can't represent timezone-aware times: " + value);
        }
        return null;
    }

    /** Python's {@code datetime.isoformat()} cut to milliseconds, with {@code +00:00} written {@code Z}. */
    static String dateTime(LocalDateTime local, ZoneOffset offset) {
        StringBuilder out = new StringBuilder(29).append(date(local.toLocalDate())).append('T');
        time(out, local.toLocalTime());
        if (offset != null) {
            if (offset.getTotalSeconds() == 0) {
                out.append('Z');
            } else {
                int total = offset.getTotalSeconds();
                int abs = Math.abs(total);
                out.append(total < 0 ? '-' : '+');
                pad2(out, abs / 3600).append(':');
                pad2(out, abs / 60 % 60);
                if (abs % 60 != 0) {
                    pad2(out.append(':'), abs % 60);
                }
            }
        }
        return out.toString();
    }

    private static String date(LocalDate date) {
        int year = date.getYear();
        StringBuilder out = new StringBuilder(10);
        if (year >= 0 && year < 1000) {
            out.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        out.append(year).append('-');
        pad2(out, date.getMonthValue()).append('-');
        return pad2(out, date.getDayOfMonth()).toString();
    }

    /** {@code HH:MM:SS}, then {@code .mmm} when the microseconds are not zero (Python truncates). */
    private static StringBuilder time(StringBuilder out, LocalTime time) {
        pad2(out, time.getHour()).append(':');
        pad2(out, time.getMinute()).append(':');
        pad2(out, time.getSecond());
        int micros = time.getNano() / 1000;
        if (micros != 0) {
            int millis = micros / 1000;
            out.append('.').append(millis < 10 ? "00" : millis < 100 ? "0" : "").append(millis);
        }
        return out;
    }

    /** Django's {@code duration_iso_string}: {@code P1DT02H03M04.000005S}, {@code -P0DT00H00M01S}. */
    static String duration(Duration duration) {
        StringBuilder out = new StringBuilder(24);
        // Python timedelta has microsecond resolution; truncate toward zero like a conversion would.
        long micros = duration.getSeconds() * 1_000_000L + duration.getNano() / 1000;
        if (duration.isNegative() && duration.getNano() % 1000 != 0) {
            micros += 1;
        }
        if (micros < 0) {
            out.append('-');
            micros = -micros;
        }
        long seconds = micros / 1_000_000L;
        long fraction = micros % 1_000_000L;
        out.append('P').append(seconds / 86400).append("DT");
        pad2(out, seconds % 86400 / 3600).append('H');
        pad2(out, seconds % 3600 / 60).append('M');
        pad2(out, seconds % 60);
        if (fraction != 0) {
            String f = Long.toString(fraction);
            out.append('.').append("000000", f.length(), 6).append(f);
        }
        return out.append('S').toString();
    }

    private static StringBuilder pad2(StringBuilder out, long value) {
        if (value < 10) {
            out.append('0');
        }
        return out.append(value);
    }
}
