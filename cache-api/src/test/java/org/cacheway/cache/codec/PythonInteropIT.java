package org.cacheway.cache.codec;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.cacheway.cache.compressor.RedisCli;
import org.cacheway.cache.serializer.JsonSerializer;
import org.cacheway.testsupport.DebianPython;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the wire format against real Python: django-redis 5.2's JSONSerializer and its
 * zlib/lzma/lz4 compressors, django-redis 6's gzip compressor and its zstd compressor (on the Debian
 * {@code zstd} module in place of pyzstd), driven through {@code DefaultClient.encode/decode}.
 */
class PythonInteropIT {
    private static final List<String> COMPRESSORS = List.of("identity", "zlib", "gzip", "lzma", "lz4", "zstd");

    private static final String PRELUDE = String.join("\n",
            "import sys, json, types, gzip, datetime, decimal, uuid",
            "from django.conf import settings",
            "settings.configure()",
            "from django.core.serializers.json import DjangoJSONEncoder",
            "from django_redis.client.default import DefaultClient",
            "from django_redis.serializers.json import JSONSerializer",
            "from django_redis.compressors.identity import IdentityCompressor",
            "from django_redis.compressors.zlib import ZlibCompressor",
            "from django_redis.compressors.lzma import LzmaCompressor",
            "from django_redis.compressors.lz4 import Lz4Compressor",
            "from django_redis.compressors.base import BaseCompressor",
            "from django_redis.exceptions import CompressorError",
            "import zstd",
            "class ZStdCompressor(BaseCompressor):",
            "    min_length = 15",
            "    def compress(self, v):",
            "        return zstd.compress(v, 3) if len(v) > self.min_length else v",
            "    def decompress(self, v):",
            "        try:",
            "            return zstd.decompress(v)",
            "        except zstd.Error as e:",
            "            raise CompressorError(e)",
            "class GzipCompressor(BaseCompressor):",
            "    min_length = 15",
            "    def compress(self, v):",
            "        return gzip.compress(v) if len(v) > self.min_length else v",
            "    def decompress(self, v):",
            "        try:",
            "            return gzip.decompress(v)",
            "        except gzip.BadGzipFile as e:",
            "            raise CompressorError(e)",
            "KINDS = {'identity': IdentityCompressor, 'zlib': ZlibCompressor, 'gzip': GzipCompressor,",
            "         'lzma': LzmaCompressor, 'lz4': Lz4Compressor, 'zstd': ZStdCompressor}",
            "def client(kind):",
            "    return types.SimpleNamespace(_serializer=JSONSerializer({}), _compressor=KINDS[kind]({}))",
            "def encode(kind, v):",
            "    r = DefaultClient.encode(client(kind), v)",
            "    return str(r).encode() if isinstance(r, int) else r  # what redis-py sends for an int",
            "def decode(kind, raw):",
            "    return DefaultClient.decode(client(kind), raw)",
            "def expected(v):",
            "    if isinstance(v, int) and not isinstance(v, bool):",
            "        return v",
            "    return json.loads(json.dumps(v, cls=DjangoJSONEncoder))",
            "");

    /** A Python value, the Java value that must encode to the same bytes, and what Java decodes. */
    private record Case(String python, Object java, Object decoded) {
        Case(String python, Object java) {
            this(python, java, java);
        }
    }

    private static final List<Case> CASES = cases();

    private static List<Case> cases() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("a", List.of(1L, 2L));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("c", null);
        dict.put("b", inner);
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("_auth_user_id", "1");
        session.put("_auth_user_backend", "django.contrib.auth.backends.ModelBackend");
        session.put("cart", List.of(1L, 2L));
        session.put("name", "Zo\u00eb");
        session.put("_session_expiry", 600L);
        Map<Object, Object> keys = new LinkedHashMap<>();
        keys.put(1, "a");
        keys.put(null, "b");
        keys.put(false, "c");
        keys.put(2.5, "d");
        Map<String, Object> keysRead = new LinkedHashMap<>();
        keysRead.put("1", "a");
        keysRead.put("null", "b");
        keysRead.put("false", "c");
        keysRead.put("2.5", "d");
        StringBuilder bmp = new StringBuilder();
        for (int c = 1; c < 0x3000; c++) {
            bmp.append((char) c);
        }
        List<Case> cases = new ArrayList<>(List.of(
                new Case("42", 42, 42L),
                new Case("-7", -7L),
                new Case("2**70", BigInteger.TWO.pow(70)),
                new Case("12345678901234567890", new BigInteger("12345678901234567890")),
                new Case("'hello'", "hello"),
                new Case("'42'", "42"),
                new Case("''", ""),
                new Case("'Zo\\u00eb \\u2615'", "Zo\u00eb \u2615"),
                new Case("'\\U0001f600 smile'", "\uD83D\uDE00 smile"),
                new Case("'\\x00\\x1f\\x7f\"\\\\/\\n\\t'", "\u0000\u001f\u007f\"\\/\n\t"),
                new Case("1.5", 1.5),
                new Case("True", true),
                new Case("False", false),
                new Case("None", null),
                new Case("{'a': [1, 2], 'b': {'c': None}}", dict),
                new Case("[1, 'two', 3.0]", Arrays.asList(1, "two", 3.0), List.of(1L, "two", 3.0)),
                new Case("(1, 2)", List.of(1, 2), List.of(1L, 2L)),
                new Case("[[[[]]], {}]", List.of(List.of(List.of(List.of())), Map.of())),
                new Case("'x' * 98", "x".repeat(98)),
                new Case("'x' * 99", "x".repeat(99)),
                new Case("'x' * 100", "x".repeat(100)),
                new Case("'The quick brown fox jumps over the lazy dog'",
                        "The quick brown fox jumps over the lazy dog"),
                new Case("{'_auth_user_id': '1', '_auth_user_backend': 'django.contrib.auth.backends.ModelBackend',"
                        + " 'cart': [1, 2], 'name': 'Zo\\u00eb', '_session_expiry': 600}", session),
                new Case("{1: 'a', None: 'b', False: 'c', 2.5: 'd'}", keys, keysRead),
                new Case("1e20", 1e20),
                new Case("0.1", 0.1),
                new Case("1e-05", 1e-5),
                new Case("1e16", 1e16),
                new Case("1e15", 1e15),
                new Case("-0.0", -0.0),
                new Case("float('inf')", Double.POSITIVE_INFINITY),
                new Case("float('-inf')", Double.NEGATIVE_INFINITY),
                new Case("'x' * 200000", "x".repeat(200_000)),
                new Case("''.join(chr(i) for i in range(1, 0x3000))", bmp.toString()),
                new Case("datetime.datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=datetime.timezone.utc)",
                        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000, ZoneOffset.UTC),
                        "2024-01-02T03:04:05.678Z"),
                new Case("datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))",
                        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)), "2024-01-02T03:04:05+02:00"),
                new Case("datetime.datetime(2024, 1, 2, 3, 4, 5, 1000)", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1_000_000),
                        "2024-01-02T03:04:05.001"),
                new Case("datetime.date(2024, 1, 2)", LocalDate.of(2024, 1, 2), "2024-01-02"),
                new Case("datetime.time(3, 4, 5, 600000)", LocalTime.of(3, 4, 5, 600_000_000), "03:04:05.600"),
                new Case("datetime.timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)",
                        Duration.parse("P1DT2H3M4.000005S"), "P1DT02H03M04.000005S"),
                new Case("datetime.timedelta(seconds=-1)", Duration.ofSeconds(-1), "-P0DT00H00M01S"),
                new Case("datetime.timedelta(days=-2, microseconds=7)", Duration.ofDays(-2).plusNanos(7_000),
                        "-P1DT23H59M59.999993S"),
                new Case("decimal.Decimal('1.10')", new BigDecimal("1.10"), "1.10"),
                new Case("uuid.UUID('12345678-1234-5678-1234-567812345678')",
                        UUID.fromString("12345678-1234-5678-1234-567812345678"), "12345678-1234-5678-1234-567812345678")));
        return cases;
    }

    private static String pythonCases() {
        StringBuilder sb = new StringBuilder("CASES = [\n");
        for (Case c : CASES) {
            sb.append("    ").append(c.python()).append(",\n");
        }
        return sb.append("]\n").toString();
    }

    private static ValueCodec codec(String compressor) {
        return new ValueCodec(new JsonSerializer(), TestCodecs.compressor(compressor, Map.of(), "interop"));
    }

    @BeforeAll
    static void pythonIsInstalled() {
        DebianPython.require("json", "zlib", "gzip", "lzma", "lz4.frame", "zstd", "django", "django_redis");
    }

    @Test
    void javaReadsWhatDjangoRedisWrites() {
        String out = DebianPython.run(PRELUDE + pythonCases() + String.join("\n",
                "for kind in KINDS:",
                "    for i, v in enumerate(CASES):",
                "        print(kind, i, encode(kind, v).hex())",
                ""), "");
        int checked = 0;
        for (String line : out.strip().split("\n")) {
            String[] parts = line.split(" ");
            String kind = parts[0];
            Case c = CASES.get(Integer.parseInt(parts[1]));
            byte[] python = parts.length > 2 ? RedisCli.unhex(parts[2]) : new byte[0];
            ValueCodec codec = codec(kind);
            assertThat(codec.decode(python)).as(kind + " reads " + c.python()).isEqualTo(c.decoded());
            if (kind.equals("identity") || kind.equals("zlib")) {
                assertThat(RedisCli.hex(codec.encode(c.java()))).as(kind + " writes " + c.python() + " like Python")
                        .isEqualTo(RedisCli.hex(python));
            }
            checked++;
        }
        assertThat(checked).isEqualTo(CASES.size() * COMPRESSORS.size());
    }

    @Test
    void djangoRedisReadsWhatJavaWrites() {
        StringBuilder input = new StringBuilder();
        for (String kind : COMPRESSORS) {
            ValueCodec codec = codec(kind);
            for (int i = 0; i < CASES.size(); i++) {
                input.append(kind).append(' ').append(i).append(' ')
                        .append(RedisCli.hex(codec.encode(CASES.get(i).java()))).append('\n');
            }
        }
        String out = DebianPython.run(PRELUDE + pythonCases() + String.join("\n",
                "ok = 0",
                "for line in sys.stdin.read().split('\\n'):",
                "    if not line:",
                "        continue",
                "    parts = line.split(' ')",
                "    kind, i, raw = parts[0], int(parts[1]), bytes.fromhex(parts[2] if len(parts) > 2 else '')",
                "    got, want = decode(kind, raw), expected(CASES[i])",
                "    if got == want and type(got) == type(want):",
                "        ok += 1",
                "    else:",
                "        print('MISMATCH', kind, i, repr(got)[:200], repr(want)[:200])",
                "print('OK', ok)",
                ""), input.toString());
        assertThat(out.strip()).isEqualTo("OK " + CASES.size() * COMPRESSORS.size());
    }

    @Test
    void floatsAndStringsAreByteIdenticalToPython() {
        Random random = new Random(20261126);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double d = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextInt(1_000_000) / Math.pow(10, random.nextInt(12));
                case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                default -> (double) random.nextLong() * (random.nextBoolean() ? 1 : 1e-3);
            };
            values.add(d);
        }
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(20)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
            }
            values.add(new String(chars));
        }
        values.add(Map.of("k", Double.NaN));
        byte[] java = new JsonSerializer().serialize(values);
        // Python's own json.dumps(json.loads(x)) must give back exactly what Java wrote.
        String python = DebianPython.run("import sys, json\nsys.stdout.write(json.dumps(json.loads(sys.stdin.read())))",
                new String(java, US_ASCII));
        assertThat(python).isEqualTo(new String(java, US_ASCII));
        // And Java must rewrite Python's float output unchanged.
        String pyFloats = DebianPython.run(String.join("\n", "import json, random, struct, sys",
                "r = random.Random(7)",
                "v = [struct.unpack('<d', struct.pack('<Q', r.getrandbits(64)))[0] for _ in range(5000)]",
                "v += [r.random() * 10 ** r.randint(-30, 30) for _ in range(5000)]",
                "sys.stdout.write(json.dumps(v))", ""), "");
        JsonSerializer json = new JsonSerializer();
        assertThat(new String(json.serialize(json.deserialize(pyFloats.getBytes(US_ASCII))), US_ASCII))
                .isEqualTo(pyFloats);
    }
}
