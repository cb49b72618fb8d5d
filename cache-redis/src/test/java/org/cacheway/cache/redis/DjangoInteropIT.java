package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Django app (Django + django-redis, JSON serializer, with and without zlib) and Cacheway on one
 * Redis database read each other's values equal, and see each other's {@code incr}. Runs
 * {@code /usr/bin/python3}; fails (never skips) when Django or django-redis is missing.
 */
class DjangoInteropIT {
    @org.junit.jupiter.api.extension.RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String script;

    private Caches caches;

    /** The values both sides write, as Java reads them back from JSON. */
    private static Map<String, Object> values() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", List.of(1L, 2L));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("c", null);
        nested.put("b", inner);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("str", "hello");
        values.put("str_digits", "42");
        values.put("unicode", "Zoë ☕ Iñtërnâtiônàlizætiøn");
        values.put("long_str", "a string long enough to be compressed by zlib, well past fifteen bytes");
        values.put("int", 42L);
        values.put("negative", -7L);
        values.put("float", 1.5);
        values.put("integral_float", 3.0);
        values.put("true", true);
        values.put("false", false);
        values.put("none", null);
        values.put("map", nested);
        values.put("list", Arrays.asList(1L, "two", 3.0));
        return values;
    }

    @BeforeAll
    static void requireDjango() throws Exception {
        String missing = "Django and django-redis are needed for this test: install them with "
                + "'apt-get install python3-django-redis' (Debian/Ubuntu), which provides " + PYTHON + " with both";
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new AssertionError(PYTHON + " not found. " + missing);
        }
        Process check = new ProcessBuilder(PYTHON, "-c", "import django, django_redis").redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new AssertionError(missing + " (python said: " + output.trim() + ")");
        }
        try (InputStream in = DjangoInteropIT.class.getResourceAsStream("django_interop.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void flush() {
        redis.get().flushAll();
    }

    @AfterEach
    void close() {
        if (caches != null) {
            caches.close();
        }
    }

    private RedisCache cache(String compressor) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("SERIALIZER", "django_redis.serializers.json.JSONSerializer");
        if (compressor.equals("zlib")) {
            options.put("COMPRESSOR", "django_redis.compressors.zlib.ZlibCompressor");
        }
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(4), "OPTIONS", options)));
        return (RedisCache) caches.getDefault();
    }

    private Object django(String compressor, String action, Object payload) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script, String.valueOf(redis.get().port()), "4",
                compressor, action, JSON.writeValueAsString(payload)));
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("the Django side failed (" + action + "): " + err);
        }
        return JSON.readValue(out, Object.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "zlib"})
    void javaReadsWhatDjangoWrote(String compressor) throws Exception {
        RedisCache cache = cache(compressor);
        django(compressor, "write", values());
        for (Map.Entry<String, Object> entry : values().entrySet()) {
            assertThat(asJsonReadsIt(cache.getOrDefault(entry.getKey(), "<missing>"))).as(entry.getKey())
                    .isEqualTo(asJsonReadsIt(entry.getValue()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "zlib"})
    void djangoReadsWhatJavaWrote(String compressor) throws Exception {
        RedisCache cache = cache(compressor);
        values().forEach((key, value) -> cache.set(key, value, Timeout.NEVER));
        Object read = django(compressor, "read", new ArrayList<>(values().keySet()));
        assertThat(read).isEqualTo(asJsonReadsIt(values()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "zlib"})
    void incrFromEitherSideIsSeenByTheOther(String compressor) throws Exception {
        RedisCache cache = cache(compressor);
        cache.set("counter", 41, Timeout.NEVER);
        assertThat(django(compressor, "incr", "counter")).isEqualTo(42);
        assertThat(cache.get("counter")).isEqualTo(42L);
        assertThat(cache.incr("counter", 10)).isEqualTo(52L);
        assertThat(django(compressor, "read", List.of("counter"))).isEqualTo(Map.of("counter", 52));
    }

    /**
     * A value as Jackson reads it back from JSON (small integers as Integer), so that the
     * comparison is about JSON equality, not about which Java integer type a decoder picks.
     */
    private static Object asJsonReadsIt(Object values) throws IOException {
        return JSON.readValue(JSON.writeValueAsString(values), Object.class);
    }
}
