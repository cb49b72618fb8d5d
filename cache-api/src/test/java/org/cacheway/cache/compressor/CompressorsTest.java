package org.cacheway.cache.compressor;

import org.cacheway.cache.codec.TestCodecs;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cacheway.cache.compressor.RedisCli.hex;
import static org.cacheway.cache.compressor.RedisCli.unhex;
import static org.cacheway.cache.compressor.RedisCli.unquote;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompressorsTest {
    private static final byte[] ABCDEFGHIJKLMN = "\"abcdefghijklmn\"".getBytes(US_ASCII);

    @Test
    void zlibIsByteIdenticalToPython() {
        ZlibCompressor zlib = new ZlibCompressor();
        assertThat(hex(zlib.compress(ABCDEFGHIJKLMN))).isEqualTo("789c534a4c4a4e494d4bcfc8cccacec9cd530200318b05ee");
        assertThat(hex(zlib.compress("{\"_auth_user_id\": \"1\", \"cart\": [1, 2]}".getBytes(US_ASCII))))
                .isEqualTo("789cab568a4f2c2dc9882f2d4e2d8acf4c51b252503254d251504a4e2c2a0172a20d75148c626b01f21e0b62");
        assertThat(zlib.compress(unquote("\\\"Zo\\\\u00eb \\\\u2615\\\"")))
                .isEqualTo(unquote("x\\x9cS\\x8a\\xca\\x8f)50HMR\\x88)5234U\\x02\\x00.T\\x04\\xc5"));
        assertThat(zlib.compress("{\"a\": [1, 2], \"b\": {\"c\": null}}".getBytes(US_ASCII))).isEqualTo(unquote(
                "x\\x9c\\xabVJT\\xb2R\\x886\\xd4Q0\\x8a\\xd5QPJ\\x02r\\xaa\\x95\\x92\\x81d^iNNm-\\x00w\\x92\\b_"));
    }

    @Test
    void zlibReadsTheVerifiedDumps() {
        ZlibCompressor zlib = new ZlibCompressor();
        assertThat(new String(zlib.decompress(unquote("x\\x9cS2202\\xd150\\xd450\\n10\\xb620\\xb120\\xd533\\xb7"
                + "\\x88R\\x02\\x00D\\xe0\\x05K")), UTF_8)).isEqualTo("\"2024-01-02T03:04:05.678Z\"");
        assertThat(new String(zlib.decompress(unquote("x\\x9cS\\xaa\\xa0\\x03P\\x02\\x00|\\xab/%")), UTF_8))
                .isEqualTo("\"" + "x".repeat(100) + "\"");
        assertThat(new String(zlib.decompress(unquote("x\\x9cS\\n\\xc9HU(,\\xcdL\\xceVH*\\xca/\\xcfSH\\xcb\\xafP"
                + "\\xc8*\\xcd-(V\\xc8/K-R(\\x01J\\xe7$VU*\\xa4\\xe4\\xa7+\\x01\\x00q\\xd3\\x10\\x1e")), UTF_8))
                .isEqualTo("\"The quick brown fox jumps over the lazy dog\"");
    }

    @Test
    void minLengthAndLevelOptionsAreReadFromStringsAndNumbers() {
        assertThat(TestCodecs.compressor("zlib", Map.of("COMPRESS_MIN_LENGTH", "100"), "default").compress(ABCDEFGHIJKLMN))
                .isSameAs(ABCDEFGHIJKLMN);
        assertThat(((AbstractCompressor) TestCodecs.compressor("zlib", Map.of("COMPRESS_MIN_LENGTH", 0, "COMPRESS_LEVEL", 9), "default")).level()).isEqualTo(9);
        assertThatThrownBy(() -> TestCodecs.compressor("zlib", Map.of("COMPRESS_MIN_LENGTH", "many"), "default"))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("COMPRESS_MIN_LENGTH");
    }

    @Test
    void readsThePythonLz4AndXzDumps() {
        Lz4Compressor lz4 = new Lz4Compressor();
        assertThat(new String(lz4.decompress(unquote("\\x04\\\"M\\x18h@-\\x00\\x00\\x00\\x00\\x00\\x00\\x00v-\\x00"
                + "\\x00\\x80\\\"The quick brown fox jumps over the lazy dog\\\"\\x00\\x00\\x00\\x00")), UTF_8))
                .isEqualTo("\"The quick brown fox jumps over the lazy dog\"");
        assertThat(new String(lz4.decompress(unquote("\\x04\\\"M\\x18h@\\x1f\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\xb7"
                + "\\x1f\\x00\\x00\\x80{\\\"a\\\": [1, 2], \\\"b\\\": {\\\"c\\\": null}}\\x00\\x00\\x00\\x00")), UTF_8))
                .isEqualTo("{\"a\": [1, 2], \"b\": {\"c\": null}}");
        LzmaCompressor lzma = new LzmaCompressor();
        assertThat(new String(lzma.decompress(unquote("\\xfd7zXZ\\x00\\x00\\x04\\xe6\\xd6\\xb4F\\x02\\x00!\\x01\\x14"
                + "\\x00\\x00\\x00\\xff\\xe7\\xec\\t\\xe0\\x00e\\x00\\t]\\x00\\x11\\x1e3Q\\x11\\x00\\x00\\x00\\x00\\x00"
                + "\\x00\\x00\\x00L\\xc9\\xf4\\xd62\\xa3\\x04\\xc2\\x00\\x01%f\\xa1\\xa1\\xa4l\\x1f\\xb6\\xf3}\\x01\\x00"
                + "\\x00\\x00\\x00\\x04YZ")), UTF_8)).isEqualTo("\"" + "x".repeat(100) + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"hello\"", "{\"a\": [1, 2], \"b\": {\"c\": null}}", "null", "", "x", "[1, \"two\"]"})
    void identityStoresEverythingPlain(String plain) {
        byte[] bytes = plain.getBytes(US_ASCII);
        assertThat(IdentityCompressor.INSTANCE.decompress(bytes)).isNull();
        assertThat(IdentityCompressor.INSTANCE.compress(bytes)).isSameAs(bytes);
    }

    @Test
    void zlibHeadersWithoutAStreamAreNotMine() {
        assertThat(new ZlibCompressor().decompress(unhex("789c"))).isNull();
        assertThat(new ZlibCompressor().decompress(unhex("7801ffff"))).isNull();
    }

    @Test
    void resolvesNames() {
        Map<String, Class<?>> names = Map.ofEntries(
                Map.entry("zlib", ZlibCompressor.class), Map.entry("gzip", GzipCompressor.class),
                Map.entry("lzma", LzmaCompressor.class), Map.entry("lz4", Lz4Compressor.class),
                Map.entry("zstd", ZstdCompressor.class), Map.entry("identity", IdentityCompressor.class),
                Map.entry("django_redis.compressors.zlib.ZlibCompressor", ZlibCompressor.class),
                Map.entry("django_redis.compressors.identity.IdentityCompressor", IdentityCompressor.class),
                Map.entry("django_redis.compressors.lzma.LzmaCompressor", LzmaCompressor.class),
                Map.entry("django_redis.compressors.lz4.Lz4Compressor", Lz4Compressor.class),
                Map.entry("django_redis.compressors.zstd.ZStdCompressor", ZstdCompressor.class),
                Map.entry("django_redis.compressors.gzip.GzipCompressor", GzipCompressor.class),
                Map.entry("org.cacheway.cache.compressor.ZlibCompressor", ZlibCompressor.class),
                Map.entry("org.cacheway.cache.compressor.LzmaCompressor", LzmaCompressor.class),
                Map.entry(CustomCompressor.class.getName(), CustomCompressor.class));
        names.forEach((name, type) -> assertThat(TestCodecs.compressor(name, Map.of(), "default")).as(name)
                .isInstanceOf(type));
        assertThat(TestCodecs.compressor(null, null, "default")).isSameAs(IdentityCompressor.INSTANCE);
        assertThat(((AbstractCompressor) TestCodecs.compressor("lzma", null, "default")).minLength()).isEqualTo(100);
        assertThat(((AbstractCompressor) TestCodecs.compressor("zlib", Map.of("COMPRESS_MIN_LENGTH", 20), "d"))
                .minLength()).isEqualTo(20);
    }

    @Test
    void unknownNamesNameAliasSettingAndValue() {
        for (String bad : List.of("brotli", "com.example.Nope", "django_redis.compressors.zlib.Nope",
                "java.lang.String", AbstractCompressor.class.getName())) {
            assertThatThrownBy(() -> TestCodecs.compressor(bad, Map.of(), "sessions")).as(bad)
                    .isInstanceOf(CacheConfigurationException.class)
                    .hasMessageContaining("CACHES['sessions']['OPTIONS']['COMPRESSOR'] = '" + bad + "'");
        }
    }

    @Test
    void missingOptionalLibraryNamesTheArtifact() throws Exception {
        URL classes = Path.of(LzmaCompressor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toUri().toURL();
        Map<String, String> artifacts = Map.of("LzmaCompressor", "org.tukaani:xz", "Lz4Compressor",
                "at.yawk.lz4:lz4-java", "ZstdCompressor", "com.github.luben:zstd-jni");
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            for (Map.Entry<String, String> e : artifacts.entrySet()) {
                Class<?> cls = isolated.loadClass("org.cacheway.cache.compressor." + e.getKey());
                assertThatThrownBy(() -> cls.getConstructor().newInstance())
                        .cause().satisfies(t -> assertThat(t.getClass().getName())
                                .isEqualTo(CacheConfigurationException.class.getName()))
                        .hasMessageContaining("add " + e.getValue()).hasMessageContaining(e.getKey());
            }
        }
    }

    /** A user compressor with an options constructor. */
    public static final class CustomCompressor implements Compressor {
        /** Needed by the loader. */
        public CustomCompressor(Map<String, Object> options) {
        }

        @Override
        public byte[] compress(byte[] data) {
            return data;
        }

        @Override
        public byte[] decompress(byte[] data) {
            return null;
        }
    }
}
