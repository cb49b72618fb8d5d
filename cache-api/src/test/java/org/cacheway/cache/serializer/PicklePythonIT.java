package org.cacheway.cache.serializer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cacheway.testsupport.DebianPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PickleSerializer} against the real {@code /usr/bin/python3}: for a table of values, Java
 * writes exactly the bytes {@code pickle.dumps(value, protocol)} writes at protocols 2 to 5, Python
 * reads Java's bytes back equal, and Java reads what Python writes at protocols 0 to 5.
 */
class PicklePythonIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final List<Integer> WRITTEN = List.of(2, 3, 4, 5);

    /**
     * A Python expression, the Java value that must pickle to the same bytes (unless not
     * {@code sameBytes}: Python still reads it back equal), and what Java reads back.
     */
    private record Case(String python, Object java, Object read, boolean sameBytes) {
        Case(String python, Object java) {
            this(python, java, java, true);
        }

        Case(String python, Object java, Object read) {
            this(python, java, read, true);
        }

        @Override
        public String toString() {
            return python.length() > 80 ? python.substring(0, 80) + "..." : python;
        }
    }

    /** A tuple or frozenset, kept apart from lists and sets when comparing. */
    private record Tagged(String type, Object items) {
    }

    private static List<Case> cases;
    private static List<Map<String, Map<String, String>>> python;

    @BeforeAll
    static void runPython() throws IOException {
        DebianPython.require("pickle", "pytz", "zoneinfo");
        cases = cases();
        List<Map<String, Object>> input = new ArrayList<>();
        for (Case c : cases) {
            Map<String, String> java = new LinkedHashMap<>();
            for (int protocol : WRITTEN) {
                java.put(String.valueOf(protocol), HEX.formatHex(new PickleSerializer(protocol).serialize(c.java())));
            }
            input.add(Map.of("python", c.python(), "java", java));
        }
        String script;
        try (InputStream in = PicklePythonIT.class.getResourceAsStream("pickle_interop.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        python = JSON.readValue(DebianPython.run(script, JSON.writeValueAsString(input)),
                JSON.getTypeFactory().constructCollectionType(List.class, Map.class));
    }

    @Test
    void javaWritesTheBytesPythonWritesAtProtocols2To5() {
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            for (int protocol : cases.get(i).sameBytes() ? WRITTEN : List.<Integer>of()) {
                String expected = python.get(i).get("dumps").get(String.valueOf(protocol));
                String actual = HEX.formatHex(new PickleSerializer(protocol).serialize(cases.get(i).java()));
                if (!actual.equals(expected)) {
                    mismatches.add(cases.get(i) + " at protocol " + protocol + ":\n  python " + abbreviate(expected)
                            + "\n  java   " + abbreviate(actual));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void pythonReadsWhatJavaWroteAsTheSameValue() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            python.get(i).get("loads").forEach((protocol, verdict) -> {
                if (!verdict.equals("ok")) {
                    problems.add(protocol + ": " + verdict);
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void javaReadsWhatPythonWritesAtProtocols0To5() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            for (int protocol = 0; protocol <= 5; protocol++) {
                byte[] bytes = HEX.parseHex(python.get(i).get("dumps").get(String.valueOf(protocol)));
                Object read = new PickleSerializer().deserialize(bytes);
                if (!Objects.equals(comparable(read), comparable(c.read()))) {
                    problems.add(c + " at protocol " + protocol + " read as " + abbreviate(String.valueOf(read)));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theLaterOffsetOfAnOverlapIsFoldOneFromProtocol4AsInPython() {
        ZonedDateTime early = ZonedDateTime.ofLocal(LocalDateTime.of(2024, 10, 27, 2, 30), ZoneId.of("Europe/Paris"), null);
        ZonedDateTime late = early.withLaterOffsetAtOverlap();
        String out = DebianPython.run("import pickle, sys\nfrom datetime import datetime\nfrom zoneinfo import ZoneInfo\n"
                + "v = datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=ZoneInfo('Europe/Paris'))\n"
                + "print(' '.join(pickle.dumps(v, p).hex() for p in range(6)))", "");
        String[] dumps = out.strip().split(" ");
        for (int protocol = 0; protocol <= 5; protocol++) {
            byte[] bytes = HEX.parseHex(dumps[protocol]);
            assertThat(new PickleSerializer().deserialize(bytes)).as("protocol %d", protocol)
                    .isEqualTo(protocol >= 4 ? late : early);
            if (protocol >= 2) {
                assertThat(HEX.formatHex(new PickleSerializer(protocol).serialize(late))).as("protocol %d", protocol)
                        .isEqualTo(dumps[protocol]);
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "...(" + text.length() + " chars)" : text;
    }

    /** A value whose equals compares bytes by content and keeps tuples and frozensets apart. */
    private static Object comparable(Object v) {
        if (v instanceof byte[] bytes) {
            return "bytes:" + HEX.formatHex(bytes);
        }
        if (v instanceof PythonTuple tuple) {
            return new Tagged("tuple", comparable(new ArrayList<>(tuple)));
        }
        if (v instanceof PythonFrozenSet set) {
            return new Tagged("frozenset", comparable(new LinkedHashSet<>(set)));
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(comparable(item)));
            return out;
        }
        if (v instanceof Set<?> set) {
            Set<Object> out = new LinkedHashSet<>();
            set.forEach(item -> out.add(comparable(item)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, value) -> out.put(comparable(k), comparable(value)));
            return out;
        }
        return v;
    }

    // ---- the table -----------------------------------------------------------------------------

    private static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    private static PythonTuple tuple(Object... items) {
        return items.length == 0 ? PythonTuple.EMPTY : new PythonTuple(items);
    }

    private static Map<Object, Object> dict(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Set<Object> set(Object... items) {
        return new LinkedHashSet<>(Arrays.asList(items));
    }

    private static List<Object> range(int n) {
        List<Object> items = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            items.add(i);
        }
        return items;
    }

    private static Map<Object, Object> rangeDict(int n) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < n; i++) {
            map.put(i, i);
        }
        return map;
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>(List.of(
                new Case("None", null),
                new Case("True", true),
                new Case("False", false),
                new Case("1.5", 1.5),
                new Case("0.1", 0.1),
                new Case("-0.0", -0.0),
                new Case("1e300", 1e300),
                new Case("float('inf')", Double.POSITIVE_INFINITY),
                new Case("float('-inf')", Double.NEGATIVE_INFINITY),
                new Case("float('nan')", Double.NaN),
                new Case("''", ""),
                new Case("'a'", "a"),
                new Case("'hello'", "hello"),
                new Case("'Zo\\u00eb \\u2615'", "Zo\u00eb \u2615"),
                new Case("'\\U0001f600 smile'", "\uD83D\uDE00 smile"),
                new Case("'lone \\ud800 surrogate'", "lone \ud800 surrogate"),
                new Case("'back\\\\slash\\nnew line\\x00'", "back\\slash\nnew line\u0000"),
                new Case("'x' * 255", "x".repeat(255)),
                new Case("'x' * 256", "x".repeat(256)),
                new Case("'y' * 70000", "y".repeat(70000)),
                new Case("b''", new byte[0]),
                new Case("b'\\x00\\x01\\xff'", new byte[] {0, 1, (byte) 0xff}),
                new Case("bytes(range(256))", allBytes()),
                new Case("b'z' * 70000", "z".repeat(70000).getBytes(StandardCharsets.US_ASCII)),
                new Case("[]", list()),
                new Case("[1]", list(1L)),
                new Case("[1, 'two', 3.0, None, True]", list(1L, "two", 3.0, null, true)),
                new Case("[[[]], [{}]]", list(list(list()), list(dict()))),
                new Case("list(range(999))", range(999)),
                new Case("list(range(1000))", range(1000)),
                new Case("list(range(1001))", range(1001)),
                new Case("list(range(2001))", range(2001)),
                new Case("{}", dict()),
                new Case("{'a': 1}", dict("a", 1L)),
                new Case("{'a': [1, 2], 'b': {'c': None}}", dict("a", list(1L, 2L), "b", dict("c", null))),
                new Case("{1: 'a', None: 'b', 2.5: 'c', (1, 2): 'd', b'k': 'e'}",
                        dict(1L, "a", null, "b", 2.5, "c", tuple(1L, 2L), "d", "k".getBytes(StandardCharsets.US_ASCII),
                                "e")),
                new Case("{i: i for i in range(999)}", rangeDict(999)),
                new Case("{i: i for i in range(1000)}", rangeDict(1000)),
                new Case("{i: i for i in range(1001)}", rangeDict(1001)),
                new Case("{i: i for i in range(2000)}", rangeDict(2000)),
                new Case("set()", set()),
                new Case("{1}", set(1L)),
                new Case("{1, 2, 3}", set(1L, 2L, 3L)),
                new Case("set(range(1000))", new LinkedHashSet<>(range(1000))),
                new Case("set(range(1001))", new LinkedHashSet<>(range(1001))),
                new Case("frozenset()", new PythonFrozenSet(set())),
                new Case("frozenset({1, 2})", new PythonFrozenSet(set(1L, 2L))),
                new Case("()", tuple()),
                new Case("(1,)", tuple(1L)),
                new Case("(1, 2)", tuple(1L, 2L)),
                new Case("(1, 2, 3)", tuple(1L, 2L, 3L)),
                new Case("(1, 2, 3, 4)", tuple(1L, 2L, 3L, 4L)),
                new Case("((1, (2,)), [()])", tuple(tuple(1L, tuple(2L)), list(tuple()))),
                new Case("{'_auth_user_id': '1', '_auth_user_backend': 'django.contrib.auth.backends.ModelBackend',"
                        + " '_auth_user_hash': 'f1e2', 'cart': [1, 2], '_session_expiry': 600}",
                        dict("_auth_user_id", "1", "_auth_user_backend", "django.contrib.auth.backends.ModelBackend",
                                "_auth_user_hash", "f1e2", "cart", list(1L, 2L), "_session_expiry", 600L)),
                new Case("[str(i) * 3 for i in range(20000)]", repeatedDigits(20000)),
                new Case("{'k%d' % i: [i, 'v'] for i in range(8000)}", bigDict(8000)),
                new Case("['p' * 70000, 'q', b'r' * 70000]", list("p".repeat(70000), "q",
                        "r".repeat(70000).getBytes(StandardCharsets.US_ASCII)))));
        c.addAll(integers());
        c.addAll(temporals());
        c.addAll(shared());
        return c;
    }

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static List<Object> repeatedDigits(int n) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(String.valueOf(i).repeat(3));
        }
        return items;
    }

    private static Map<Object, Object> bigDict(int n) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < n; i++) {
            map.put("k" + i, list(i, "v"));
        }
        return map;
    }

    private static List<Case> integers() {
        List<Case> c = new ArrayList<>();
        for (String expression : List.of("0", "1", "255", "256", "65535", "65536", "-1", "-128", "-129", "-256",
                "-32768", "-32769", "2**31 - 1", "2**31", "-2**31", "-2**31 - 1", "2**63 - 1", "2**63", "-2**63",
                "-2**63 - 1", "2**64", "2**70", "-2**70", "-2**71", "2**2031", "2**2039", "2**2040", "-2**2047",
                "-2**2048", "3**5000", "-(3**5000)")) {
            BigInteger value = eval(expression);
            Object java = value.bitLength() < 64 ? (Object) value.longValue() : value;
            c.add(new Case("[" + expression + "]", list(java)));
        }
        c.add(new Case("[7, -7, 2**40]", list(7, (short) -7, 1L << 40), list(7L, -7L, 1L << 40)));
        return c;
    }

    /** Evaluates the integer expressions of {@link #integers()}: sums of signed powers and constants. */
    private static BigInteger eval(String expression) {
        String e = expression.replace(" ", "");
        if (e.startsWith("-(") && e.endsWith(")")) {
            return eval(e.substring(2, e.length() - 1)).negate();
        }
        int split = Math.max(e.lastIndexOf('-'), e.lastIndexOf('+'));
        if (split > 0) {
            BigInteger right = new BigInteger(e.substring(split + 1));
            BigInteger left = eval(e.substring(0, split));
            return e.charAt(split) == '-' ? left.subtract(right) : left.add(right);
        }
        boolean negative = e.startsWith("-");
        String body = negative ? e.substring(1) : e;
        BigInteger value;
        if (body.contains("**")) {
            String[] parts = body.split("\\*\\*");
            value = new BigInteger(parts[0]).pow(Integer.parseInt(parts[1]));
        } else {
            value = new BigInteger(body);
        }
        return negative ? value.negate() : value;
    }

    private static List<Case> temporals() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        LocalDateTime local = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000);
        LocalDateTime overlap = LocalDateTime.of(2024, 10, 27, 2, 30);
        return List.of(
                new Case("datetime(2024, 1, 2, 3, 4, 5, 678901)", local),
                new Case("datetime(1, 1, 1)", LocalDateTime.of(1, 1, 1, 0, 0)),
                new Case("datetime(9999, 12, 31, 23, 59, 59, 999999)", LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)),
                new Case("datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=timezone.utc)", local.atOffset(ZoneOffset.UTC)),
                new Case("datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=2)))",
                        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))),
                new Case("datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone(timedelta(hours=-5, minutes=-30)))",
                        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-5, -30))),
                // Django 3.2's timezone.now(): Java reads pytz.utc and writes timezone.utc, which Python finds equal
                new Case("datetime(2024, 1, 2, 3, 4, 5, tzinfo=pytz.utc)",
                        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC),
                        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), false),
                new Case("datetime(2024, 7, 2, 3, 4, 5, tzinfo=ZoneInfo('Europe/Paris'))",
                        ZonedDateTime.of(2024, 7, 2, 3, 4, 5, 0, paris)),
                new Case("datetime(2024, 10, 27, 2, 30, tzinfo=ZoneInfo('Europe/Paris'))",
                        ZonedDateTime.ofLocal(overlap, paris, null)),
                new Case("datetime(2024, 1, 2, tzinfo=ZoneInfo('UTC'))", ZonedDateTime.of(2024, 1, 2, 0, 0, 0, 0,
                        ZoneId.of("UTC"))),
                new Case("datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)",
                        Instant.parse("2024-01-02T03:04:05Z"), OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)),
                new Case("date(2024, 1, 2)", LocalDate.of(2024, 1, 2)),
                new Case("date(1, 1, 1)", LocalDate.of(1, 1, 1)),
                new Case("time(3, 4, 5, 6)", LocalTime.of(3, 4, 5, 6000)),
                new Case("time()", LocalTime.MIDNIGHT),
                new Case("time(3, 4, tzinfo=timezone.utc)", OffsetTime.of(3, 4, 0, 0, ZoneOffset.UTC)),
                new Case("timedelta(days=1, seconds=2, microseconds=3)", Duration.ofDays(1).plusSeconds(2).plusNanos(3000)),
                new Case("timedelta(hours=-5)", Duration.ofHours(-5)),
                new Case("timedelta(0)", Duration.ZERO),
                new Case("timedelta(days=999999999)", Duration.ofDays(999_999_999)),
                new Case("timedelta(days=-999999999)", Duration.ofDays(-999_999_999)),
                new Case("timezone.utc", ZoneOffset.UTC),
                new Case("timezone(timedelta(hours=2))", ZoneOffset.ofHours(2)),
                new Case("ZoneInfo('Europe/Paris')", paris),
                new Case("Decimal('1.10')", new BigDecimal("1.10")),
                new Case("Decimal('-1.5E-10')", new BigDecimal("-1.5E-10")),
                new Case("Decimal('1E+3')", new BigDecimal("1E+3")),
                new Case("Decimal('0.0000001')", new BigDecimal("0.0000001")),
                new Case("Decimal('123456789012345678901234567890.5')", new BigDecimal("123456789012345678901234567890.5")),
                new Case("UUID('12345678-1234-5678-1234-567812345678')",
                        UUID.fromString("12345678-1234-5678-1234-567812345678")),
                new Case("UUID(int=5)", new UUID(0, 5)),
                new Case("UUID(int=2**128 - 1)", new UUID(-1, -1)),
                new Case("UUID('f47ac10b-58cc-4372-a567-0e02b2c3d479')",
                        UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479")));
    }

    /** Values with shared parts: one object twice is written once, then fetched from the memo. */
    private static List<Case> shared() {
        List<Object> inner = list(1L);
        String text = new String("shared text");
        LocalDate day = LocalDate.of(2024, 1, 2);
        BigDecimal price = new BigDecimal("9.99");
        UUID id = new UUID(1, 2);
        ZoneId paris = ZoneId.of("Europe/Paris");
        ZoneId newYork = ZoneId.of("America/New_York");
        return List.of(
                new Case("(lambda l: [l, l])([1])", list(inner, inner)),
                new Case("(lambda s: [s, s, 'shared text'])(''.join(['shared ', 'text']))", list(text, text, "shared text")),
                new Case("(lambda d: {'a': d, 'b': d})(date(2024, 1, 2))", dict("a", day, "b", day)),
                new Case("(lambda p: [p, p])(Decimal('9.99'))", list(price, price)),
                new Case("(lambda u: [u, u, UUID(int=3)])(UUID(int=2**64 + 2))", list(id, id, new UUID(0, 3))),
                new Case("['a', 'a', 'b', '', '']", list("a", new String("a"), "b", "", new String(""))),
                new Case("[datetime(2024, 1, 2, tzinfo=timezone.utc), datetime(2024, 1, 3, tzinfo=timezone.utc)]",
                        list(OffsetDateTime.of(2024, 1, 2, 0, 0, 0, 0, ZoneOffset.UTC),
                                OffsetDateTime.of(2024, 1, 3, 0, 0, 0, 0, ZoneOffset.UTC))),
                new Case("[datetime(2024, 1, 2, tzinfo=ZoneInfo('Europe/Paris')),"
                        + " datetime(2024, 1, 3, tzinfo=ZoneInfo('America/New_York')),"
                        + " datetime(2024, 1, 4, tzinfo=ZoneInfo('Europe/Paris'))]",
                        list(ZonedDateTime.of(2024, 1, 2, 0, 0, 0, 0, paris), ZonedDateTime.of(2024, 1, 3, 0, 0, 0, 0, newYork),
                                ZonedDateTime.of(2024, 1, 4, 0, 0, 0, 0, paris))),
                new Case("[b'ab', b'cd', date(2024, 1, 2)]", list("ab".getBytes(StandardCharsets.US_ASCII),
                        "cd".getBytes(StandardCharsets.US_ASCII), day)),
                new Case("[{1, 2}, frozenset({3}), set()]", list(set(1L, 2L), new PythonFrozenSet(set(3L)), set())));
    }
}
