package org.cacheway.cache.serializer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cacheway.cache.CacheSerializationException;
import org.junit.jupiter.api.Test;

class JsonSerializerTest {
    private final JsonSerializer json = new JsonSerializer();

    private String write(Object value) {
        byte[] bytes = json.serialize(value);
        for (byte b : bytes) {
            assertThat(b).as("ASCII only").isBetween((byte) 0, (byte) 0x7f);
        }
        return new String(bytes, US_ASCII);
    }

    private Object read(String text) {
        return json.deserialize(text.getBytes(UTF_8));
    }

    @Test
    void writesTheVerifiedDjangoDumps() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("a", List.of(1, 2));
        Map<String, Object> inner = new HashMap<>();
        inner.put("c", null);
        dict.put("b", inner);
        assertThat(write(dict)).isEqualTo("{\"a\": [1, 2], \"b\": {\"c\": null}}");
        assertThat(write("hello")).isEqualTo("\"hello\"");
        assertThat(write("42")).isEqualTo("\"42\"");
        assertThat(write("")).isEqualTo("\"\"");
        assertThat(write("Zo\u00eb \u2615")).isEqualTo("\"Zo\\u00eb \\u2615\"").hasSize(17);
        assertThat(write(1.5)).isEqualTo("1.5");
        assertThat(write(true)).isEqualTo("true");
        assertThat(write(false)).isEqualTo("false");
        assertThat(write(null)).isEqualTo("null");
        assertThat(write(Arrays.asList(1, "two", 3.0))).isEqualTo("[1, \"two\", 3.0]").hasSize(15);
        assertThat(write(new int[] {1, 2})).isEqualTo("[1, 2]");
        assertThat(write(1e20)).isEqualTo("1e+20");
        assertThat(write(3.0)).isEqualTo("3.0");
        assertThat(write(0.1)).isEqualTo("0.1");
        assertThat(write(LocalDate.of(2024, 1, 2))).isEqualTo("\"2024-01-02\"");
        assertThat(write(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000, ZoneOffset.UTC)))
                .isEqualTo("\"2024-01-02T03:04:05.678Z\"");
        assertThat(write(new BigDecimal("1.10"))).isEqualTo("\"1.10\"");
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("_auth_user_id", "1");
        session.put("_auth_user_backend", "django.contrib.auth.backends.ModelBackend");
        session.put("cart", List.of(1, 2));
        session.put("name", "Zo\u00eb");
        session.put("_session_expiry", 600);
        assertThat(write(session)).isEqualTo("{\"_auth_user_id\": \"1\", \"_auth_user_backend\":"
                + " \"django.contrib.auth.backends.ModelBackend\", \"cart\": [1, 2], \"name\": \"Zo\\u00eb\","
                + " \"_session_expiry\": 600}");
    }

    @Test
    void escapesLikeEnsureAscii() {
        assertThat(write("\"\\/\n\r\t\b\f\u0001\u001f\u007f \u00ff")).isEqualTo(
                "\"\\\"\\\\/\\n\\r\\t\\b\\f\\u0001\\u001f\\u007f \\u00ff\"");
        assertThat(write("\uD83D\uDE00")).isEqualTo("\"\\ud83d\\ude00\"");
        assertThat(write("\uABCD")).isEqualTo("\"\\uabcd\"");
        String longText = "x".repeat(10_000) + "\u00e9".repeat(5000);
        assertThat(write(longText)).hasSize(10_000 + 5000 * 6 + 2);
    }

    @Test
    void writesFloatsAsPythonRepr() {
        assertThat(write(1e-5)).isEqualTo("1e-05");
        assertThat(write(1e16)).isEqualTo("1e+16");
        assertThat(write(1e15)).isEqualTo("1000000000000000.0");
        assertThat(write(-0.0)).isEqualTo("-0.0");
        assertThat(write(0.0)).isEqualTo("0.0");
        assertThat(write(0.0001)).isEqualTo("0.0001");
        assertThat(write(123.456)).isEqualTo("123.456");
        assertThat(write(2e-323)).isEqualTo("2e-323");
        assertThat(write(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
        assertThat(write(Double.NaN)).isEqualTo("NaN");
        assertThat(write(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(write(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(write(1.0E23)).isEqualTo("1e+23"); // JDK 17's Double.toString gives 1.0000000000000001E23
        assertThat(write(2.0E-3)).isEqualTo("0.002");
        assertThat(write(0.1f)).isEqualTo("0.1");
    }

    @Test
    void writesIntegersAndKeysLikePython() {
        assertThat(write(List.of(Long.MAX_VALUE, (short) 3, (byte) -4, new BigInteger("1180591620717411303424"))))
                .isEqualTo("[9223372036854775807, 3, -4, 1180591620717411303424]");
        Map<Object, Object> keys = new LinkedHashMap<>();
        keys.put(1, "a");
        keys.put(null, "b");
        keys.put(true, "c");
        keys.put(1.5, "d");
        keys.put("s", "e");
        assertThat(write(keys)).isEqualTo("{\"1\": \"a\", \"null\": \"b\", \"true\": \"c\", \"1.5\": \"d\", \"s\": \"e\"}");
        assertThat(write(Map.of())).isEqualTo("{}");
        assertThat(write(List.of())).isEqualTo("[]");
    }

    @Test
    void writesDatesLikeDjangoJsonEncoder() {
        assertThat(write(Instant.parse("2024-01-02T03:04:05.678999Z"))).isEqualTo("\"2024-01-02T03:04:05.678Z\"");
        assertThat(write(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("\"2024-01-02T03:04:05Z\"");
        assertThat(write(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("\"2024-01-02T03:04:05+02:00\"");
        assertThat(write(ZonedDateTime.of(2024, 7, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris"))))
                .isEqualTo("\"2024-07-02T03:04:05+02:00\"");
        assertThat(write(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1_000))).isEqualTo("\"2024-01-02T03:04:05.000\"");
        assertThat(write(LocalTime.of(3, 4, 5, 600_000_000))).isEqualTo("\"03:04:05.600\"");
        assertThat(write(LocalTime.of(3, 4))).isEqualTo("\"03:04:00\"");
        assertThat(write(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusNanos(5_000)))
                .isEqualTo("\"P1DT02H03M04.000005S\"");
        assertThat(write(Duration.ofSeconds(-1))).isEqualTo("\"-P0DT00H00M01S\"");
        assertThat(write(UUID.fromString("12345678-1234-5678-1234-567812345678")))
                .isEqualTo("\"12345678-1234-5678-1234-567812345678\"");
        assertThat(write(new BigDecimal("1E+3"))).isEqualTo("\"1E+3\"");
        assertThatThrownBy(() -> write(OffsetTime.of(1, 2, 3, 0, ZoneOffset.UTC)))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("timezone-aware");
    }

    /** A record stored through Jackson. */
    public record Cart(String owner, List<Integer> items, double total, LocalDate day, BigDecimal price) {
    }

    /** A plain bean. */
    public static class Point {
        public int x;
        public int y;
        public float weight = 0.1f;
        public Double missing;
    }

    enum Colour { RED }

    @Test
    void writesAndReadsRecordsAndPojosThroughJackson() {
        Cart cart = new Cart("Zo\u00eb", List.of(1, 2), 3.0, LocalDate.of(2024, 1, 2), new BigDecimal("1.10"));
        String text = write(cart);
        assertThat(text).isEqualTo("{\"owner\": \"Zo\\u00eb\", \"items\": [1, 2], \"total\": 3.0,"
                + " \"day\": \"2024-01-02\", \"price\": \"1.10\"}");
        assertThat(json.deserialize(text.getBytes(US_ASCII), Cart.class)).isEqualTo(cart);
        assertThat(write(Map.of("c", cart))).startsWith("{\"c\": {\"owner\": ");
        Point p = json.deserialize("{\"x\": 1, \"y\": 2, \"z\": 3}".getBytes(US_ASCII), Point.class);
        assertThat(p.x).isEqualTo(1);
        assertThat(p.y).isEqualTo(2);
        assertThat(write(Colour.RED)).isEqualTo("\"RED\"");
        assertThat(write(new Point())).isEqualTo("{\"x\": 0, \"y\": 0, \"weight\": 0.1, \"missing\": null}");
        assertThat(write(new Point())).isEqualTo("{\"x\": 0, \"y\": 0, \"weight\": 0.1, \"missing\": null}");
    }

    @Test
    void refusesBytesLikePython() {
        assertThatThrownBy(() -> json.serialize(new byte[] {1}))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("bytes");
        assertThatThrownBy(() -> json.serialize(Map.of("b", new byte[] {1})))
                .isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void refusesCycles() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        assertThatThrownBy(() -> json.serialize(loop))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("circular");
    }

    @Test
    void readsIntoDjangosDataModel() {
        Object value = read("{\"a\": [1, 2], \"b\": {\"c\": null}, \"d\": 1.5, \"e\": true, \"f\": \"Zo\\u00eb\","
                + " \"g\": 1180591620717411303424, \"h\": 1e+20, \"i\": NaN, \"j\": -Infinity}");
        assertThat(value).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> map = (Map<?, ?>) value;
        assertThat(new ArrayList<Object>(map.keySet())).containsExactly("a", "b", "d", "e", "f", "g", "h", "i", "j");
        assertThat(map.get("a")).isInstanceOf(ArrayList.class).isEqualTo(List.of(1L, 2L));
        Map<String, Object> inner = new HashMap<>();
        inner.put("c", null);
        assertThat(map.get("b")).isEqualTo(inner);
        assertThat(map.get("d")).isEqualTo(1.5);
        assertThat(map.get("e")).isEqualTo(Boolean.TRUE);
        assertThat(map.get("f")).isEqualTo("Zo\u00eb");
        assertThat(map.get("g")).isEqualTo(new BigInteger("1180591620717411303424"));
        assertThat(map.get("h")).isEqualTo(1e20);
        assertThat((Double) map.get("i")).isNaN();
        assertThat(map.get("j")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(read("\"Zo\\u00eb \\u2615\"")).isEqualTo("Zo\u00eb \u2615");
        assertThat(read("\"\\ud83d\\ude00\"")).isEqualTo("\uD83D\uDE00");
        assertThat(read("\"Zo\u00eb\"")).isEqualTo("Zo\u00eb");
        assertThat(read("[1, \"two\", 3.0]")).isEqualTo(List.of(1L, "two", 3.0));
        assertThat(read(" 42 ")).isEqualTo(42L);
        assertThat(read("null")).isNull();
        assertThat(read("{\"a\":1,\"a\":2}")).isEqualTo(Map.of("a", 2L));
        assertThat(read("\"2024-01-02T03:04:05.678Z\"")).isEqualTo("2024-01-02T03:04:05.678Z");
    }

    @Test
    void readsTypedValues() {
        assertThat(json.deserialize("\"2024-01-02T03:04:05.678Z\"".getBytes(US_ASCII), Instant.class))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(json.deserialize("\"2024-01-02T03:04:05+02:00\"".getBytes(US_ASCII), OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)));
        assertThat(json.deserialize("\"2024-01-02\"".getBytes(US_ASCII), LocalDate.class))
                .isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(json.deserialize("\"1.10\"".getBytes(US_ASCII), BigDecimal.class)).isEqualTo(new BigDecimal("1.10"));
        assertThat(json.deserialize("\"-P0DT00H00M01S\"".getBytes(US_ASCII), Duration.class))
                .isEqualTo(Duration.ofSeconds(-1));
        assertThat((Object) json.deserialize("[1, 2]".getBytes(US_ASCII), List.class)).isEqualTo(List.of(1L, 2L));
        assertThat(json.deserialize("3".getBytes(US_ASCII), int.class)).isEqualTo(3);
        assertThat(json.convert(42L, Integer.class)).isEqualTo(42);
        assertThat(json.convert(Map.of("x", 1L, "y", 2L), Point.class).y).isEqualTo(2);
        assertThat(json.convert("x", String.class)).isEqualTo("x");
    }

    @Test
    void reportsUndecodableBytesClearly() {
        assertThatThrownBy(() -> read("{\"a\": }")).isInstanceOf(CacheSerializationException.class)
                .hasMessageStartingWith("cannot deserialize 7 bytes as JSON: ");
        assertThatThrownBy(() -> read("")).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("0 bytes");
        assertThatThrownBy(() -> read("1 2")).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("extra data");
        assertThatThrownBy(() -> json.deserialize(new byte[] {(byte) 0x78, (byte) 0x9c, 1, 2}))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("4 bytes");
        assertThatThrownBy(() -> json.deserialize(new byte[] {'"', (byte) 0xff, '"'}))
                .isInstanceOf(CacheSerializationException.class);
        assertThatThrownBy(() -> json.deserialize("\"x\"".getBytes(US_ASCII), Point.class))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining(Point.class.getName());
        assertThatThrownBy(() -> json.deserialize("[1] x".getBytes(US_ASCII), List.class))
                .isInstanceOf(CacheSerializationException.class);
        assertThatThrownBy(() -> json.convert("abc", Integer.class)).isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void aPickleReadAsJsonSaysSoAndNamesTheSettingToChange() {
        byte[] djangoTrue = {(byte) 0x80, 0x05, (byte) 0x88, '.'};
        byte[] djangoString = new PickleSerializer().serialize("hello");
        for (byte[] pickle : List.of(djangoTrue, djangoString)) {
            assertThatThrownBy(() -> json.deserialize(pickle)).isInstanceOf(CacheSerializationException.class)
                    .hasMessageContaining("Python pickle (protocol " + pickle[1] + ")")
                    .hasMessageContaining("OPTIONS['SERIALIZER'] = 'django_redis.serializers.pickle.PickleSerializer'");
            assertThatThrownBy(() -> json.deserialize(pickle, Point.class)).isInstanceOf(CacheSerializationException.class)
                    .hasMessageContaining("Python pickle").hasMessageContaining(Point.class.getName());
        }
    }

    @Test
    void plainAndEscapedStringsWriteAsPythonDoes() {
        assertThat(write("hello world")).isEqualTo("\"hello world\"");
        assertThat(write("")).isEqualTo("\"\"");
        assertThat(write("say \"hi\"\\")).isEqualTo("\"say \\\"hi\\\"\\\\\"");
        assertThat(write("tab\tnew\u007f caf\u00e9")).isEqualTo("\"tab\\tnew\\u007f caf\\u00e9\"");
    }

    @Test
    void plainAndEscapedStringsReadBack() {
        for (String text : List.of("hello world", "", "say \"hi\"\\", "tab\tnew\u007f caf\u00e9 \ud83d\ude00")) {
            assertThat(json.deserialize(json.serialize(text))).isEqualTo(text);
            assertThat(json.deserialize(json.serialize(text), String.class)).isEqualTo(text);
        }
        assertThat(json.deserialize("\"caf\u00e9\"".getBytes(UTF_8))).isEqualTo("caf\u00e9");
        assertThatThrownBy(() -> json.deserialize("\"a\" \"b\"".getBytes(US_ASCII)))
                .isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void integersOfEveryRangeWriteAsDigits() {
        assertThat(write(List.of(0L, 7, -7, (short) -300, (byte) 12, Long.MAX_VALUE, Long.MIN_VALUE, 1_000_000L)))
                .isEqualTo("[0, 7, -7, -300, 12, 9223372036854775807, -9223372036854775808, 1000000]");
    }

    @Test
    void largeValuesSerializeTheSameTwiceInARow() {
        Map<String, Object> big = new LinkedHashMap<>();
        for (int i = 0; i < 2000; i++) {
            big.put("k" + i, List.of(i, "v" + i));
        }
        assertThat(json.serialize(big)).isEqualTo(json.serialize(big));
        assertThat(json.deserialize(json.serialize(big))).isEqualTo(json.deserialize(json.serialize(big)));
    }
}
