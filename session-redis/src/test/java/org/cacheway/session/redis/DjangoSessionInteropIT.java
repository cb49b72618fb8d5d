package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.session.Session;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.cacheway.testsupport.DebianPython;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions shared with a real Django 3.2 + django-redis (JSON serializer) on one Redis (items
 * 95-98): each side loads what the other saved, with the same data, key layout and expiry. Needs
 * {@code /usr/bin/python3} with Django and django-redis; fails (never skips) without them.
 */
class DjangoSessionInteropIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static final String DB = "3";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String script;

    private Caches caches;
    private Sessions sessions;

    @BeforeAll
    static void requireDjango() throws Exception {
        DebianPython.require("django", "django_redis");
        try (InputStream in = DjangoSessionInteropIT.class.getResourceAsStream("django_sessions.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void start() {
        redis.get().flushAll();
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(Integer.parseInt(DB)),
                "OPTIONS", Map.of("SERIALIZER", "django_redis.serializers.json.JSONSerializer"))));
        sessions = Sessions.from(SessionSettings.fromMap(
                Map.of("SESSION_ENGINE", "django.contrib.sessions.backends.cache")), caches);
    }

    @AfterEach
    void stop() {
        caches.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> django(String action, Map<String, Object> payload) throws IOException {
        String out = DebianPython.run(script, "", String.valueOf(redis.get().port()), DB, action,
                JSON.writeValueAsString(payload));
        return JSON.readValue(out, Map.class);
    }

    private static Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("_auth_user_id", "1");
        data.put("_auth_user_backend", "django.contrib.auth.backends.ModelBackend");
        data.put("cart", List.of(1L, 2L));
        data.put("name", "Zo\u00eb");
        return data;
    }

    private long ttl(String key) {
        return ((RedisCache) caches.getDefault()).ttl("django.contrib.sessions.cache" + key);
    }

    @Test
    void javaLoadsASessionDjangoSaved() throws Exception {
        Map<String, Object> saved = django("write", Map.of("data", data(), "expiry", 600));
        String key = (String) saved.get("key");
        assertThat(key).matches("[a-z0-9]{32}");
        assertThat(ttl(key)).isBetween(598L, 600L);
        Session session = sessions.open(key);
        Map<String, Object> expected = new LinkedHashMap<>(data());
        expected.put("_session_expiry", 600L);
        assertThat(session.items()).isEqualTo(expected);
        assertThat(session.get("_auth_user_id")).isInstanceOf(String.class);
        assertThat(session.getExpiryAge()).isEqualTo(600L);
    }

    @Test
    void aDjangoSessionWithTheDefaultAgeLivesTwoWeeks() throws Exception {
        String key = (String) django("write", Map.of("data", Map.of("n", 1))).get("key");
        assertThat(ttl(key)).isBetween(1_209_598L, 1_209_600L);
        assertThat(sessions.open(key).items()).isEqualTo(Map.of("n", 1L));
    }

    @Test
    void djangoLoadsAndResavesASessionJavaSaved() throws Exception {
        Session session = sessions.create();
        session.update(data());
        session.setExpiry(600);
        session.save();
        Map<String, Object> read = django("read", Map.of("key", session.sessionKey()));
        Map<String, Object> expected = new LinkedHashMap<>(data());
        expected.put("cart", List.of(1, 2));
        expected.put("_session_expiry", 600);
        assertThat(read.get("data")).isEqualTo(expected);
        assertThat(read.get("age")).isEqualTo(600);
        assertThat(read.get("key")).isEqualTo(session.sessionKey());
        assertThat(sessions.open(session.sessionKey()).get("django_was_here")).isEqualTo(true);
    }

    @Test
    void aBrowserCloseSessionFromJavaLivesTwoWeeksAndDjangoAgrees() throws Exception {
        Session session = sessions.create();
        session.put("x", "y");
        session.setExpiry(0);
        session.save();
        assertThat(ttl(session.sessionKey())).isBetween(1_209_598L, 1_209_600L);
        assertThat(django("read", Map.of("key", session.sessionKey())).get("age")).isEqualTo(1_209_600);
    }

    @Test
    void javaReadsTheDateStringDjango32StoresForATimedelta() throws Exception {
        long start = System.nanoTime();
        String key = (String) django("write", Map.of("data", Map.of("n", 1), "delta", 600)).get("key");
        Session session = sessions.open(key);
        assertThat(session.get("_session_expiry")).asString().endsWith("Z");
        // 600 s less the time Django took (a loaded machine can take several seconds).
        long elapsed = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertThat(session.getExpiryAge()).isBetween(600 - elapsed - 1, 600L);
    }

    @Test
    void javaReadsDjango32DateExpiries() throws Exception {
        Session session = sessions.create();
        session.put("_session_expiry", "2099-01-01T00:00:00.000Z");
        session.save();
        Session loaded = sessions.open(session.sessionKey());
        assertThat(loaded.getExpiryDate()).isEqualTo(java.time.Instant.parse("2099-01-01T00:00:00Z"));
    }
}
