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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.UUID;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.assertj.core.api.SoftAssertions;
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

    /** Runs a Python script with arguments and returns its output. */
    interface Python {
        String run(String script, String... args);
    }

    private final String djangoBackend;
    private final Python python;
    private final Function<String, Map<String, Object>> cachewayBlock;

    /**
     * @param djangoBackend the Django backend the script configures: {@code django_redis} or {@code builtin}
     * @param python how the script runs
     * @param cachewayBlock the Cacheway settings block that shares the Django block at a location
     */
    DjangoPickleInteropContract(String djangoBackend, Python python,
            Function<String, Map<String, Object>> cachewayBlock) {
        this.djangoBackend = djangoBackend;
        this.python = python;
        this.cachewayBlock = cachewayBlock;
    }

    /** The Cacheway settings block for the test database. */
    Map<String, Object> cachewayBlock() {
        return cachewayBlock.apply(redis.get().uri(DB));
    }

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

    private String script() {
        try (InputStream in = DjangoPickleInteropContract.class.getResourceAsStream("django_pickle_interop.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Caches caches(String prefix, int version) {
        Map<String, Object> block = new LinkedHashMap<>(cachewayBlock());
        block.put("KEY_PREFIX", prefix);
        block.put("VERSION", version);
        return Caches.fromSettings(Map.of("default", block));
    }

    private Object django(String prefix, int version, String action, Object payload) {
        try {
            String out = python.run(script(), djangoBackend, String.valueOf(redis.get().port()), String.valueOf(DB),
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
        try (Caches caches = caches("", 1)) {
            Cache cache = caches.getDefault();
            django("write", new ArrayList<>(values().keySet()));
            SoftAssertions.assertSoftly(softly -> values().forEach((key, expected) -> softly.assertThat(
                    cache.getOrDefault(key, "<missing>")).as(key).usingRecursiveComparison().isEqualTo(expected)));
        }
    }

    @Test
    void djangoReadsEveryValueJavaWrote() {
        try (Caches caches = caches("", 1)) {
            values().forEach((key, value) -> caches.getDefault().set(key, value, Timeout.NEVER));
        }
        Object verdicts = django("check", new ArrayList<>(values().keySet()));
        Map<String, Object> expected = new LinkedHashMap<>();
        values().keySet().forEach(key -> expected.put(key, "ok"));
        assertThat(verdicts).isEqualTo(expected);
    }

    @Test
    void countersIncrementFromBothSides() {
        try (Caches caches = caches("", 1)) {
            Cache cache = caches.getDefault();
        cache.set("counter", 41, Timeout.NEVER);
        assertThat(django("incr", Map.of("key", "counter"))).isEqualTo(42);
        assertThat(cache.get("counter")).isEqualTo(42L);
        assertThat(cache.incr("counter", 10)).isEqualTo(52L);
        assertThat(django("get", Map.of("key", "counter"))).isEqualTo(52);
        django("set", Map.of("key", "from_django", "value", 5));
        assertThat(cache.incr("from_django")).isEqualTo(6L);
        assertThat(django("incr", Map.of("key", "from_django", "delta", -2))).isEqualTo(4);
        }
    }

    @Test
    void versionsAndKeyPrefixesAreShared() {
        try (Caches caches = caches("myapp", 3)) {
            Cache cache = caches.getDefault();
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
    }
}
