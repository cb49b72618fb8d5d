package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.session.Session;
import org.cacheway.session.SessionConfigurationException;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.SessionStoreContractTest;
import org.cacheway.session.SessionUpdateException;
import org.cacheway.session.Sessions;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Redis hash store on a real redis-server: the store contract, delta saves and the principal index. */
class RedisSessionStoreIT extends SessionStoreContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private static RedisClient client;
    private static StatefulRedisConnection<String, byte[]> connection;
    private static Caches caches;
    private RedisSessionStore store;

    @BeforeAll
    static void connect() {
        client = RedisClient.create(redis.get().uri(2));
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(2))));
    }

    @AfterAll
    static void disconnect() {
        caches.close();
        connection.close();
        client.shutdown();
    }

    @BeforeEach
    void flush() {
        redis.get().flushAll();
    }

    @Override
    protected Sessions sessions(SessionSettings settings) {
        store = new RedisSessionStore(caches.get("default", RedisCache.class));
        return Sessions.of(settings, store);
    }

    private Session saved(Map<String, Object> data) {
        Session session = sessions.create();
        session.update(data);
        session.save();
        return sessions.open(session.sessionKey());
    }

    private Session saved(Map<String, Object> data, long expiry) {
        Session session = sessions.create();
        session.update(data);
        session.setExpiry(expiry);
        session.save();
        return sessions.open(session.sessionKey());
    }

    /** Opens the session as a request would and saves it with one attribute changed. */
    private void visit(String key, long visits) {
        Session request = sessions.open(key);
        request.put("visits", visits);
        request.save();
    }

    private Double score(String principal, String key) {
        return connection.sync().zscore(store.principalKey(principal), key.getBytes(StandardCharsets.UTF_8));
    }

    private long pttl(String redisKey) {
        return connection.sync().pttl(redisKey);
    }

    private long serverMillis() {
        List<byte[]> time = connection.sync().time();
        return Long.parseLong(new String(time.get(0), StandardCharsets.US_ASCII)) * 1000
                + Long.parseLong(new String(time.get(1), StandardCharsets.US_ASCII)) / 1000;
    }

    private void awaitGone(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (store.exists(key) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(store.exists(key)).isFalse();
    }

    private String field(String key, String attribute) {
        byte[] raw = connection.sync().hget(store.sessionKey(key), "attr:" + attribute);
        return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
    }

    @Test
    void eachAttributeIsAHashFieldInTheCachesJsonEncoding() {
        Session session = saved(Map.of("name", "Zo\u00eb", "count", 42L, "cart", List.of(1L, 2L)));
        String key = session.sessionKey();
        assertThat(field(key, "count")).isEqualTo("42");
        assertThat(field(key, "cart")).matches("\\[1, ?2\\]");
        assertThat(field(key, "name")).startsWith("\"Zo");
        assertThat(connection.sync().hexists(store.sessionKey(key), "meta:created")).isTrue();
    }

    @Test
    void theTtlIsTheExpiryAgeAndIsRefreshedOnSave() {
        Session session = sessions.create();
        session.setExpiry(600);
        session.save();
        long ttl = connection.sync().ttl(store.sessionKey(session.sessionKey()));
        assertThat(ttl).isBetween(598L, 600L);
        Session again = sessions.open(session.sessionKey());
        again.setExpiry(900);
        again.save();
        assertThat(connection.sync().ttl(store.sessionKey(session.sessionKey()))).isBetween(898L, 900L);
    }

    @Test
    void concurrentSavesOfDifferentAttributesBothSurvive() {
        String key = saved(Map.of("a", 1L)).sessionKey();
        Session first = sessions.open(key);
        Session second = sessions.open(key);
        first.put("b", 2L);
        second.put("c", 3L);
        second.remove("a");
        first.save();
        second.save();
        assertThat(sessions.open(key).items()).isEqualTo(Map.of("b", 2L, "c", 3L));
    }

    @Test
    void theIndexListsEverySessionOfAPrincipal() {
        String one = saved(Map.of("_auth_user_id", "1")).sessionKey();
        String two = saved(Map.of("_auth_user_id", "1")).sessionKey();
        saved(Map.of("_auth_user_id", "2"));
        assertThat(store.sessionsOf("1")).containsExactlyInAnyOrder(one, two);
    }

    @Test
    void invalidateAllLogsAPrincipalOutEverywhere() {
        String one = saved(Map.of("_auth_user_id", "1")).sessionKey();
        String two = saved(Map.of("_auth_user_id", "1")).sessionKey();
        String other = saved(Map.of("_auth_user_id", "2")).sessionKey();
        assertThat(store.invalidateAll("1")).isEqualTo(2L);
        assertThat(store.exists(one)).isFalse();
        assertThat(store.exists(two)).isFalse();
        assertThat(store.exists(other)).isTrue();
        assertThat(store.sessionsOf("1")).isEmpty();
    }

    @Test
    void theIndexFollowsCycleKeyFlushAndAChangedPrincipal() {
        Session session = saved(Map.of("_auth_user_id", "1"));
        String old = session.sessionKey();
        session.cycleKey();
        assertThat(store.sessionsOf("1")).containsExactly(session.sessionKey()).doesNotContain(old);
        Session changed = sessions.open(session.sessionKey());
        changed.put("_auth_user_id", "2");
        changed.save();
        assertThat(store.sessionsOf("1")).isEmpty();
        assertThat(store.sessionsOf("2")).containsExactly(session.sessionKey());
        changed.flush();
        assertThat(store.sessionsOf("2")).isEmpty();
    }

    @Test
    void expiredSessionsLeaveTheIndex() throws InterruptedException {
        Session session = sessions.create();
        session.put("_auth_user_id", "1");
        session.setExpiry(1);
        session.save();
        assertThat(store.sessionsOf("1")).containsExactly(session.sessionKey());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!store.sessionsOf("1").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(store.sessionsOf("1")).isEmpty();
        assertThat(store.exists(session.sessionKey())).isFalse();
    }

    @Test
    void lightSavesKeepASessionListedPastItsIndexScore() throws InterruptedException {
        String key = saved(Map.of("_auth_user_id", "1", "visits", 0L), 2).sessionKey();
        double firstScore = score("1", key);
        long visits = 0;
        while (serverMillis() <= firstScore + 200) {
            visit(key, ++visits);
            Thread.sleep(100);
        }
        assertThat(score("1", key)).as("light saves leave the score alone").isEqualTo(firstScore);
        assertThat(store.sessionsOf("1")).containsExactly(key);
        assertThat(score("1", key)).as("re-scored by the check").isGreaterThan((double) serverMillis());
    }

    @Test
    void aSessionWhoseLightSaveShortenedItsExpiryLeavesTheIndexWhenItExpires() throws InterruptedException {
        String kept = saved(Map.of("_auth_user_id", "1")).sessionKey();
        String shortened = saved(Map.of("_auth_user_id", "1")).sessionKey();
        Session request = sessions.open(shortened);
        request.setExpiry(1);
        request.save();
        assertThat(score("1", shortened)).as("still the two-week score").isGreaterThan(serverMillis() + 600_000.0);
        awaitGone(shortened);
        assertThat(store.sessionsOf("1")).containsExactly(kept);
        assertThat(score("1", shortened)).isNull();
    }

    @Test
    void theIndexOutlivesTheSessionsLightSavesKeepAlive() throws InterruptedException {
        String key = saved(Map.of("_auth_user_id", "1"), 60).sessionKey();
        Session request = sessions.open(key);
        request.setExpiry(600);
        request.save();
        assertThat(pttl(store.principalKey("1"))).isGreaterThan(590_000L)
                .isGreaterThanOrEqualTo(pttl(store.sessionKey(key)));
        Thread.sleep(50);
        visit(key, 1L);
        assertThat(pttl(store.principalKey("1"))).isGreaterThanOrEqualTo(pttl(store.sessionKey(key)));
    }

    @Test
    void aLightSaveOfALoggedOutSessionFailsAndRecreatesNothing() {
        String key = saved(Map.of("_auth_user_id", "1", "visits", 0L)).sessionKey();
        Session stale = sessions.open(key);
        stale.put("visits", 1L);
        store.invalidateAll("1");
        assertThatThrownBy(stale::save).isInstanceOf(SessionUpdateException.class);
        assertThat(connection.sync().exists(store.sessionKey(key), store.principalKey("1"))).isZero();
        assertThat(store.sessionsOf("1")).isEmpty();
    }

    @Test
    void aSaveChangingOrRemovingThePrincipalMovesTheSessionBetweenIndexes() {
        String key = saved(Map.of("_auth_user_id", "1", "visits", 0L)).sessionKey();
        Session login = sessions.open(key);
        login.put("_auth_user_id", "2");
        login.put("visits", 1L);
        login.save();
        assertThat(store.sessionsOf("1")).isEmpty();
        assertThat(store.sessionsOf("2")).containsExactly(key);
        Session logout = sessions.open(key);
        logout.remove("_auth_user_id");
        logout.save();
        visit(key, 2L);
        assertThat(store.sessionsOf("2")).isEmpty();
        assertThat(connection.sync().keys(store.principalKey("*"))).isEmpty();
    }

    @Test
    void aLightSaveOfARequestThatLoadedBeforeALoginKeepsTheNewIndexAlive() {
        String key = saved(Map.of("_auth_user_id", "1", "visits", 0L), 60).sessionKey();
        Session stale = sessions.open(key);
        stale.put("visits", 1L);
        Session login = sessions.open(key);
        login.put("_auth_user_id", "2");
        login.save();
        stale.setExpiry(600);
        stale.save();
        assertThat(store.sessionsOf("1")).isEmpty();
        assertThat(store.sessionsOf("2")).containsExactly(key);
        assertThat(pttl(store.principalKey("2"))).isGreaterThan(590_000L)
                .isGreaterThanOrEqualTo(pttl(store.sessionKey(key)));
        assertThat(sessions.open(key).get("_auth_user_id")).isEqualTo("2");
    }

    @Test
    void aLightSaveReindexesASessionWhoseIndexVanished() {
        String key = saved(Map.of("_auth_user_id", "1")).sessionKey();
        connection.sync().del(store.principalKey("1"));
        visit(key, 1L);
        assertThat(store.sessionsOf("1")).containsExactly(key);
        assertThat(pttl(store.principalKey("1"))).isGreaterThanOrEqualTo(pttl(store.sessionKey(key)));
    }

    @Test
    void anExpiryInThePastOnALoadedSessionDeletesItAndItsIndexEntry() {
        String kept = saved(Map.of("_auth_user_id", "1")).sessionKey();
        String key = saved(Map.of("_auth_user_id", "1")).sessionKey();
        Session request = sessions.open(key);
        request.setExpiry(Duration.ofSeconds(-10));
        request.save();
        assertThat(store.exists(key)).isFalse();
        assertThat(score("1", key)).isNull();
        assertThat(store.sessionsOf("1")).containsExactly(kept);
    }

    @Test
    void thousandsOfAttributesAreWrittenInSlices() {
        Map<String, Object> data = new LinkedHashMap<>();
        for (long i = 0; i < 5_000; i++) {
            data.put("a" + i, i);
        }
        String key = saved(data).sessionKey();
        assertThat(sessions.open(key).items()).isEqualTo(data);
        Session update = sessions.open(key);
        data.replaceAll((name, value) -> -(Long) value);
        update.update(data);
        update.save();
        assertThat(sessions.open(key).items()).isEqualTo(data);
        Session removal = sessions.open(key);
        data.keySet().forEach(removal::remove);
        removal.put("kept", 1L);
        removal.save();
        assertThat(sessions.open(key).items()).isEqualTo(Map.of("kept", 1L));
        Session replaced = sessions.open(key);
        replaced.update(data);
        replaced.save();
        replaced = sessions.open(key);
        replaced.clear();
        replaced.put("only", 1L);
        replaced.save();
        assertThat(sessions.open(key).items()).isEqualTo(Map.of("only", 1L));
    }

    @Test
    void aHashWithUndecodableValuesLoadsEmpty() {
        String key = "f".repeat(32);
        connection.sync().hset(store.sessionKey(key), "attr:x", new byte[] {'{', 'n', 'o'});
        Session session = sessions.open(key);
        assertThat(session.items()).isEmpty();
        assertThat(session.sessionKey()).isNull();
    }

    @Test
    void sessionEngineSettingBuildsTheStoreOnARedisCacheAlias() {
        try (Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(2))))) {
            Sessions engine = Sessions.from(SessionSettings.fromMap(
                    Map.of("SESSION_ENGINE", RedisSessionStore.class.getName())), caches);
            Session session = engine.create();
            session.put("_auth_user_id", "7");
            session.save();
            assertThat(engine.store()).isInstanceOf(RedisSessionStore.class);
            assertThat(((RedisSessionStore) engine.store()).sessionsOf("7")).containsExactly(session.sessionKey());
            assertThat(sessions.open(session.sessionKey()).get("_auth_user_id")).isEqualTo("7");
        }
    }

    @Test
    void aNonRedisAliasIsAConfigurationError() {
        try (Caches caches = Caches.fromSettings(Map.of("default", Map.of(
                "BACKEND", "django.core.cache.backends.locmem.LocMemCache")))) {
            SessionSettings settings = SessionSettings.fromMap(Map.of("SESSION_ENGINE", RedisSessionStore.class.getName()));
            assertThatThrownBy(() -> Sessions.from(settings, caches))
                    .isInstanceOf(SessionConfigurationException.class)
                    .hasMessageStartingWith("SESSION_CACHE_ALIAS = 'default': RedisSessionStore needs a Redis cache alias");
        }
    }
}
