package org.cacheway.cache.codec;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.compressor.IdentityCompressor;
import org.cacheway.cache.compressor.LzmaCompressor;
import org.cacheway.cache.compressor.ZlibCompressor;
import org.cacheway.cache.serializer.JsonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueCodecTest {
    private final ValueCodec json = ValueCodec.defaultCodec();
    private final ValueCodec zlib = new ValueCodec(new JsonSerializer(), new ZlibCompressor());

    private static String text(byte[] b) {
        return new String(b, US_ASCII);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }

    @Test
    void integersAreDigitsNeverSerializedNorCompressed() {
        assertThat(text(json.encode(42))).isEqualTo("42");
        assertThat(text(json.encode(-7L))).isEqualTo("-7");
        assertThat(text(json.encode((short) 0))).isEqualTo("0");
        assertThat(text(json.encode((byte) 5))).isEqualTo("5");
        assertThat(text(json.encode(BigInteger.TWO.pow(70)))).isEqualTo("1180591620717411303424");
        assertThat(text(zlib.encode(new BigInteger("12345678901234567890")))).isEqualTo("12345678901234567890");
        assertThat(text(zlib.encode(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
        assertThat(text(json.encode(true))).isEqualTo("true");
        assertThat(ValueCodec.isInteger(true)).isFalse();
        assertThat(ValueCodec.isInteger(1.0)).isFalse();
        assertThat(ValueCodec.isInteger(BigInteger.ONE)).isTrue();
        assertThat(text(ValueCodec.encodeLong(-12))).isEqualTo("-12");
    }

    @Test
    void encodesLikeDjangoRedis() {
        assertThat(text(json.encode("hello"))).isEqualTo("\"hello\"");
        assertThat(text(json.encode("42"))).isEqualTo("\"42\"");
        assertThat(text(json.encode(1.5))).isEqualTo("1.5");
        assertThat(text(json.encode(null))).isEqualTo("null");
        assertThat(text(zlib.encode("abcdefghijklm"))).isEqualTo("\"abcdefghijklm\"");
        assertThat(org.cacheway.cache.compressor.RedisCli.hex(zlib.encode("abcdefghijklmn")))
                .isEqualTo("789c534a4c4a4e494d4bcfc8cccacec9cd530200318b05ee");
        assertThat(text(zlib.encode(List.of(1, "two", 3.0)))).isEqualTo("[1, \"two\", 3.0]");
        ValueCodec lzma = new ValueCodec(new JsonSerializer(), new LzmaCompressor());
        assertThat(lzma.encode("x".repeat(98))).hasSize(100).startsWith('"');
        assertThat(lzma.encode("x".repeat(99))).startsWith(0xfd, '7', 'z', 'X', 'Z', 0);
    }

    @Test
    void decodesAndRoundTrips() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("a", List.of(1L, 2L));
        dict.put("b", "Zo\u00eb \u2615".repeat(5));
        for (ValueCodec codec : List.of(json, zlib)) {
            assertThat(codec.decode(codec.encode(dict))).isEqualTo(dict);
            assertThat(codec.decode(codec.encode("hello"))).isEqualTo("hello");
            assertThat(codec.decode(codec.encode("42"))).isEqualTo("42");
            assertThat(codec.decode(codec.encode(42))).isEqualTo(42L);
            assertThat(codec.decode(codec.encode(true))).isEqualTo(true);
            assertThat(codec.decode(codec.encode(null))).isNull();
            assertThat(codec.decode(codec.encode(1.5))).isEqualTo(1.5);
            assertThat(codec.decode(codec.encode(BigInteger.TWO.pow(70)))).isEqualTo(BigInteger.TWO.pow(70));
            assertThat(codec.decode(codec.encode(LocalDate.of(2024, 1, 2)), LocalDate.class))
                    .isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(codec.decode(codec.encode(new BigDecimal("1.10")), BigDecimal.class))
                    .isEqualTo(new BigDecimal("1.10"));
        }
        assertThat(zlib.decode(bytes("{\"a\": [1, 2], \"b\": {\"c\": null}}"))).isInstanceOf(Map.class);
        assertThat(zlib.decode(bytes("\"hello\""))).isEqualTo("hello");
    }

    @Test
    void typedDecodesConvertIntegers() {
        byte[] digits = bytes("42");
        assertThat(json.decode(digits, Long.class)).isEqualTo(42L);
        assertThat(json.decode(digits, long.class)).isEqualTo(42L);
        assertThat(json.decode(digits, Integer.class)).isEqualTo(42);
        assertThat(json.decode(digits, int.class)).isEqualTo(42);
        assertThat(json.decode(digits, Short.class)).isEqualTo((short) 42);
        assertThat(json.decode(digits, BigInteger.class)).isEqualTo(BigInteger.valueOf(42));
        assertThat(json.decode(digits, Number.class)).isEqualTo(42L);
        assertThat(json.decode(digits, Object.class)).isEqualTo(42L);
        assertThat(json.decode(digits, Double.class)).isEqualTo(42.0);
        assertThat(json.decode(digits, String.class)).isEqualTo("42");
        assertThat(json.decode(bytes("1180591620717411303424"), BigInteger.class)).isEqualTo(BigInteger.TWO.pow(70));
        assertThatThrownBy(() -> json.decode(bytes("1180591620717411303424"), Long.class))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> json.decode(bytes("3000000000"), Integer.class))
                .isInstanceOf(CacheSerializationException.class);
        assertThat(json.decode(bytes("\"x\""), String.class)).isEqualTo("x");
        assertThat(json.decode(bytes("[1]"), Object.class)).isEqualTo(List.of(1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", " 42\n", "+7", "-7", "1_000", "\t\u000b\f\r 0 ", "-0", "007", "9223372036854775807",
        "-9223372036854775808", "1_2_3"})
    void parsesPythonIntegers(String text) {
        Number expected = new BigInteger(text.strip().replace("_", "").replace("\u000b", "").strip());
        assertThat(ValueCodec.parseInteger(bytes(text))).isEqualTo(expected.longValue());
        assertThat(ValueCodec.parseLong(bytes(text))).isEqualTo(expected.longValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"42.0", "0x10", "", " ", "4 2", "1__0", "_1", "1_", "+", "-", "+-1", "- 1", "1e3",
        "\"42\"", "true", "12a", "\u00a042"})
    void rejectsWhatPythonIntRejects(String text) {
        assertThat(ValueCodec.parseInteger(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void parsesBigIntegers() {
        assertThat(ValueCodec.parseInteger(bytes("9223372036854775808")))
                .isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(ValueCodec.parseInteger(bytes("-1_180_591_620_717_411_303_424")))
                .isEqualTo(BigInteger.TWO.pow(70).negate());
        assertThat(ValueCodec.parseInteger(bytes("000000000000000000000000001"))).isEqualTo(1L);
        assertThat(ValueCodec.parseLong(bytes("9223372036854775808"))).isNull();
        assertThat(json.decode(bytes(" 42\n"))).isEqualTo(42L);
    }

    @Test
    void undecodableBytesAreSerializationErrors() {
        assertThatThrownBy(() -> json.decode(bytes("{not json"))).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("9 bytes as JSON");
        assertThatThrownBy(() -> zlib.decode(new byte[] {0x78, (byte) 0x9c, 0, 0}))
                .isInstanceOf(CacheSerializationException.class);
        assertThatThrownBy(() -> json.encode(new byte[] {1})).isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void buildsFromOptions() {
        ValueCodec codec = TestCodecs.codec(Map.of("SERIALIZER", "django_redis.serializers.json.JSONSerializer",
                "COMPRESSOR", "django_redis.compressors.zlib.ZlibCompressor"), "default");
        assertThat(codec.serializer()).isInstanceOf(JsonSerializer.class);
        assertThat(codec.compressor()).isInstanceOf(ZlibCompressor.class);
        assertThat(TestCodecs.codec(null, "default").compressor()).isSameAs(IdentityCompressor.INSTANCE);
        assertThatThrownBy(() -> TestCodecs.codec(Map.of("COMPRESSOR", "snappy"), "default"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHES['default']['OPTIONS']['COMPRESSOR'] = 'snappy'");
    }
}
