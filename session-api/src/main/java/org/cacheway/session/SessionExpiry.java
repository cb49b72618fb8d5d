package org.cacheway.session;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The {@code _session_expiry} entry Django keeps inside the session data: whole seconds of
 * inactivity (0 = until the browser closes) or a fixed date. Reads an integer, an ISO-8601 string
 * ({@code ...Z}, {@code ...+00:00}, naive = UTC) or a date value as a pickle serializer gives
 * Python's {@code datetime} ({@link OffsetDateTime}, {@link ZonedDateTime}, {@link Instant}, or a
 * naive {@link LocalDateTime} = UTC). A date is written as the session's store asks
 * ({@link SessionStore#expiryDate(Instant)}): newer Django's {@code datetime.isoformat()} string
 * ({@code 2026-11-24T21:18:27.992123+00:00}, {@link #format(Instant)}) or a date value.
 */
public final class SessionExpiry {
    /** The data entry holding a custom expiry. */
    public static final String KEY = "_session_expiry";

    private static final DateTimeFormatter PYTHON_ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private SessionExpiry() {
    }

    /** The stored form of a date: Python's {@code isoformat()} of the UTC instant, microseconds kept. */
    public static String format(Instant date) {
        return PYTHON_ISO.format(date.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    /**
     * The stored form of a date for a store whose serializer keeps Python datetimes: an aware
     * UTC datetime with microseconds, what Django 3.2's {@code set_expiry(timedelta)} stores.
     */
    public static OffsetDateTime dateValue(Instant date) {
        return date.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /**
     * A stored date as an instant, or null when {@code value} is not a date (a number, or absent).
     *
     * @throws SessionDataException when a string is not an ISO-8601 date
     */
    public static Instant parseDate(Object value) {
        if (value instanceof Instant date) {
            return date;
        }
        if (value instanceof OffsetDateTime date) {
            return date.toInstant();
        }
        if (value instanceof ZonedDateTime date) {
            return date.toInstant();
        }
        if (value instanceof LocalDateTime naive) {
            return naive.toInstant(ZoneOffset.UTC);
        }
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new SessionDataException(KEY + " is neither seconds nor an ISO-8601 date: '" + text + "'", e);
            }
        }
    }

    /**
     * Django's {@code get_expiry_age}: a stored date gives the whole seconds from
     * {@code modification} to it (floored, negative when past); a number gives itself; absent or
     * 0 gives {@code cookieAge}.
     */
    static long age(Object stored, Instant modification, long cookieAge) {
        Instant date = parseDate(stored);
        if (date != null) {
            return Duration.between(modification, date).getSeconds();
        }
        long seconds = seconds(stored);
        return seconds == 0 ? cookieAge : seconds;
    }

    /** Django's {@code get_expiry_date}: a stored date as is, else modification + age seconds. */
    static Instant date(Object stored, Instant modification, long cookieAge) {
        Instant date = parseDate(stored);
        if (date != null) {
            return date;
        }
        long seconds = seconds(stored);
        return modification.plusSeconds(seconds == 0 ? cookieAge : seconds);
    }

    /** The stored number of seconds, 0 when absent. */
    static long seconds(Object stored) {
        if (stored == null) {
            return 0;
        }
        if (stored instanceof Number n) {
            return n.longValue();
        }
        throw new SessionDataException(KEY + " is neither seconds nor a date: " + stored, null);
    }
}
