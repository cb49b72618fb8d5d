package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
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
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Django app storing pickle (its default) and Cacheway on one Redis database read each other's
 * values equal, see each other's counters, versions and key prefixes. Subclasses name the Django
 * side (how Python runs, which backend) and the Cacheway settings block that shares it; both use
 * {@code django_pickle_interop.py}, which holds the Python half of the value table below. Only the
 * public cache API is used on the Java side.
 */
abstract class DjangoPickleInteropContract {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DB = 5;

    private Caches caches;

    /** The Django backend the script configures: {@code django_redis} or {@code builtin}. */
    abstract String djangoBackend();

    /** Runs the Python script with these arguments and returns its output. */
    abstract String runPython(String script, String... args);

    /** The Cacheway settings block that shares the Django block at this location. */
    abstract Map<String, Object> cachewayBlock(String location);

    /** The values both sides store, as Java holds them (the Python half is in the script). */
    static Map<String, Object> values() {
        OffsetDateTime utcNow = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000, ZoneOffset.UTC);
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("a", List.of(1L, 2L));
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("c", null);
        dict.put("b", inner);
        dict.put("n", BigInteger.TWO.pow(70));
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("_auth_user_id", "1");
        session.put("_auth_user_backend", "django.contrib.auth.backends.ModelBackend");
        session.put("_session_expiry", utcNow);
        session.put("cart", List.of(1L, 2L));
        List<Object> longList = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            longList.add(String.valueOf(i));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("str", "hello");
        v.put("unicode", "Zo\u00eb \u2615 \uD83D\uDE00");
        v.put("int", 42L);
        v.put("big_int", BigInteger.TWO.pow(70));
        v.put("negative", -7L);
        v.put("float", 1.5);
        v.put("true", true);
        v.put("false", false);
        v.put("none", null);
        v.put("list", Arrays.asList(1L, "two", 3.0, null));
        v.put("tuple", List.of(1L, 2L));
        v.put("dict", dict);
        v.put("set", new LinkedHashSet<>(List.of(1L, 2L, 3L)));
        v.put("frozenset", Set.of("x"));
        v.put("bytes", new byte[] {0, 1, (byte) 0xff});
        v.put("naive", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 678_901_000));
        v.put("aware_utc", utcNow);
        v.put("aware_offset", OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)));
        v.put("zoned", ZonedDateTime.of(2024, 7, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris")));
        v.put("date", LocalDate.of(2024, 1, 2));
        v.put("time", LocalTime.of(3, 4, 5, 6000));
        v.put("duration", Duration.ofDays(1).plusSeconds(2).plusNanos(3000));
        v.put("decimal", new BigDecimal("1.10"));
        v.put("uuid", UUID.fromString("12345678-1234-5678-1234-567812345678"));
        v.put("session", session);
        v.put("long_list", longList);
        return v;
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

    private String script() {
        try (InputStream in = DjangoPickleInteropContract.class.getResourceAsStream("django_pickle_interop.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Cache cache(String prefix, int version) {
        Map<String, Object> block = new LinkedHashMap<>(cachewayBlock(redis.get().uri(DB)));
        block.put("KEY_PREFIX", prefix);
        block.put("VERSION", version);
        caches = Caches.fromSettings(Map.of("default", block));
        return caches.getDefault();
    }

    private Object django(String prefix, int version, String action, Object payload) {
        try {
            String out = runPython(script(), djangoBackend(), String.valueOf(redis.get().port()), String.valueOf(DB),
                    prefix, String.valueOf(version), action, JSON.writeValueAsString(payload));
            return JSON.readValue(out, Object.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Object django(String action, Object payload) {
        return django("", 1, action, payload);
    }

    @Test
    void javaReadsEveryValueDjangoWrote() {
        Cache cache = cache("", 1);
        django("write", new ArrayList<>(values().keySet()));
        List<String> problems = new ArrayList<>();
        values().forEach((key, expected) -> {
            Object read = cache.getOrDefault(key, "<missing>");
            if (!Objects.equals(comparable(read), comparable(expected))) {
                problems.add(key + ": read " + read + ", expected " + expected);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void djangoReadsEveryValueJavaWrote() {
        Cache cache = cache("", 1);
        values().forEach((key, value) -> cache.set(key, value, Timeout.NEVER));
        Object verdicts = django("check", new ArrayList<>(values().keySet()));
        Map<String, Object> expected = new LinkedHashMap<>();
        values().keySet().forEach(key -> expected.put(key, "ok"));
        assertThat(verdicts).isEqualTo(expected);
    }

    @Test
    void countersIncrementFromBothSides() {
        Cache cache = cache("", 1);
        cache.set("counter", 41, Timeout.NEVER);
        assertThat(django("incr", Map.of("key", "counter"))).isEqualTo(42);
        assertThat(cache.get("counter")).isEqualTo(42L);
        assertThat(cache.incr("counter", 10)).isEqualTo(52L);
        assertThat(django("get", Map.of("key", "counter"))).isEqualTo(52);
        django("set", Map.of("key", "from_django", "value", 5));
        assertThat(cache.incr("from_django")).isEqualTo(6L);
        assertThat(django("incr", Map.of("key", "from_django", "delta", -2))).isEqualTo(4);
    }

    @Test
    void versionsAndKeyPrefixesAreShared() {
        Cache cache = cache("myapp", 3);
        django("myapp", 3, "set", Map.of("key", "v", "value", "django at 3"));
        django("myapp", 3, "set", Map.of("key", "v", "value", "django at 5", "version", 5));
        assertThat(cache.get("v")).isEqualTo("django at 3");
        assertThat(cache.version(5).get("v")).isEqualTo("django at 5");
        cache.version(7).set("w", List.of("java", 7L), Timeout.NEVER);
        assertThat(django("myapp", 3, "get", Map.of("key", "w", "version", 7))).isEqualTo(List.of("java", 7));
        assertThat(django("myapp", 3, "get", Map.of("key", "w"))).isEqualTo("<missing>");

        cache.set("moved", "payload", Timeout.NEVER);
        assertThat(django("myapp", 3, "incr_version", Map.of("key", "moved"))).isEqualTo(4);
        assertThat(cache.get("moved")).isNull();
        assertThat(cache.version(4).get("moved")).isEqualTo("payload");
        assertThat(cache.version(4).incrVersion("moved")).isEqualTo(5);
        assertThat(django("myapp", 3, "get", Map.of("key", "moved", "version", 5))).isEqualTo("payload");
    }

    /** A value whose equals compares byte arrays by content. */
    private static Object comparable(Object v) {
        if (v instanceof byte[] bytes) {
            return "bytes:" + HexFormat.of().formatHex(bytes);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(comparable(item)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, value) -> out.put(comparable(k), comparable(value)));
            return out;
        }
        return v;
    }
}
