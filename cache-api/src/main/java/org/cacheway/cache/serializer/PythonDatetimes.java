package org.cacheway.cache.serializer;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The pickled states of Python's {@code datetime} types, as CPython's {@code _datetime} reads and
 * writes them: a date as 4 bytes (year big-endian, month, day), a time as 6 (hour, minute, second,
 * microseconds big-endian) and a datetime as both (10); protocol 4 and later set the top bit of the
 * month (datetime) or hour (time) byte for {@code fold=1}. Also the timedelta arithmetic.
 */
final class PythonDatetimes {
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;
    /** {@code timedelta.max.days}. */
    static final long MAX_DAYS = 999_999_999L;

    private static final BigInteger MICROS_PER_DAY = BigInteger.valueOf(86_400_000_000L);
    private static final BigInteger MICROS_PER_SECOND = BigInteger.valueOf(1_000_000L);

    private PythonDatetimes() {
    }

    /** The date of a 4-byte state, or null when the bytes are not a valid date. */
    static LocalDate date(byte[] s) {
        if (s.length != 4) {
            return null;
        }
        return date(s, 0, s[2] & 0xff);
    }

    private static LocalDate date(byte[] s, int offset, int month) {
        int year = (s[offset] & 0xff) << 8 | (s[offset + 1] & 0xff);
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return null;
        }
        try {
            return LocalDate.of(year, month, s[offset + 3] & 0xff);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The time of a 6-byte state (the fold bit ignored), or null when invalid. */
    static LocalTime time(byte[] s) {
        return s.length == 6 ? time(s, 0) : null;
    }

    private static LocalTime time(byte[] s, int offset) {
        int micros = (s[offset + 3] & 0xff) << 16 | (s[offset + 4] & 0xff) << 8 | (s[offset + 5] & 0xff);
        try {
            return LocalTime.of(s[offset] & 0x7f, s[offset + 1] & 0xff, s[offset + 2] & 0xff, micros * 1000);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The datetime of a 10-byte state (the fold bit ignored), or null when invalid. */
    static LocalDateTime dateTime(byte[] s) {
        if (s.length != 10) {
            return null;
        }
        LocalDate date = date(s, 0, s[2] & 0x7f);
        LocalTime time = time(s, 4);
        return date == null || time == null ? null : LocalDateTime.of(date, time);
    }

    /** Whether a time (6 bytes) or datetime (10 bytes) state has {@code fold=1}. */
    static boolean fold(byte[] s) {
        return (s[s.length == 6 ? 0 : 2] & 0x80) != 0;
    }

    /** A date's state. */
    static byte[] dateState(LocalDate date) {
        byte[] s = new byte[4];
        putDate(s, year(date.getYear()), date.getMonthValue(), date.getDayOfMonth());
        return s;
    }

    /** A time's state, microseconds truncated; the fold bit only when {@code fold} (protocol 4+). */
    static byte[] timeState(LocalTime time, boolean fold) {
        byte[] s = new byte[6];
        putTime(s, 0, time);
        if (fold) {
            s[0] |= (byte) 0x80;
        }
        return s;
    }

    /** A datetime's state, microseconds truncated; the fold bit only when {@code fold} (protocol 4+). */
    static byte[] dateTimeState(LocalDateTime dateTime, boolean fold) {
        byte[] s = new byte[10];
        putDate(s, year(dateTime.getYear()), dateTime.getMonthValue(), dateTime.getDayOfMonth());
        putTime(s, 4, dateTime.toLocalTime());
        if (fold) {
            s[2] |= (byte) 0x80;
        }
        return s;
    }

    private static int year(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new PickleFormatException("year " + year + " is outside Python's datetime range ("
                    + MIN_YEAR + " to " + MAX_YEAR + ")");
        }
        return year;
    }

    private static void putDate(byte[] s, int year, int month, int day) {
        s[0] = (byte) (year >> 8);
        s[1] = (byte) year;
        s[2] = (byte) month;
        s[3] = (byte) day;
    }

    private static void putTime(byte[] s, int offset, LocalTime time) {
        int micros = time.getNano() / 1000;
        s[offset] = (byte) time.getHour();
        s[offset + 1] = (byte) time.getMinute();
        s[offset + 2] = (byte) time.getSecond();
        s[offset + 3] = (byte) (micros >> 16);
        s[offset + 4] = (byte) (micros >> 8);
        s[offset + 5] = (byte) micros;
    }

    /**
     * {@code timedelta(days, seconds, microseconds)} normalized as Python does, or null beyond
     * {@code timedelta.max}.
     */
    static Duration timedelta(BigInteger days, BigInteger seconds, BigInteger micros) {
        BigInteger total = days.multiply(MICROS_PER_DAY).add(seconds.multiply(MICROS_PER_SECOND)).add(micros);
        BigInteger[] split = total.divideAndRemainder(MICROS_PER_SECOND);
        BigInteger wholeSeconds = split[0];
        long fraction = split[1].longValueExact();
        if (fraction < 0) {
            wholeSeconds = wholeSeconds.subtract(BigInteger.ONE);
            fraction += 1_000_000L;
        }
        if (wholeSeconds.bitLength() > 62 || Math.abs(Math.floorDiv(wholeSeconds.longValue(), 86_400L)) > MAX_DAYS) {
            return null;
        }
        return Duration.ofSeconds(wholeSeconds.longValue(), fraction * 1000);
    }

    /**
     * The normalized {@code (days, seconds, microseconds)} of a Duration, sub-microseconds truncated
     * toward zero.
     */
    static long[] timedeltaArgs(Duration duration) {
        long seconds = duration.getSeconds();
        int nanos = duration.getNano();
        long micros = nanos / 1000;
        if (seconds < 0 && nanos % 1000 != 0) {
            micros++;
            if (micros == 1_000_000L) {
                micros = 0;
                seconds++;
            }
        }
        long days = Math.floorDiv(seconds, 86_400L);
        if (Math.abs(days) > MAX_DAYS) {
            throw new PickleFormatException("the duration " + duration + " is outside Python's timedelta range (at most "
                    + MAX_DAYS + " days)");
        }
        return new long[] {days, Math.floorMod(seconds, 86_400L), micros};
    }
}
