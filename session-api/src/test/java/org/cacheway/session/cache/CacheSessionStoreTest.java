package org.cacheway.session.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.session.Session;
import org.cacheway.session.SessionDataException;
import org.cacheway.session.SessionExpiry;
import org.cacheway.session.SessionException;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.SessionStoreContractTest;
import org.cacheway.session.Sessions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cache engine over {@code LocMemCache}: the store contract plus Django's CacheSessionTests. */
class CacheSessionStoreTest extends SessionStoreContractTest {
    private Caches caches;

    @Override
    protected Sessions sessions(SessionSettings settings) {
        if (caches == null) {
            caches = Caches.fromSettings(Map.of(
                    "default", locmem(), "sessions", locmem()));
        }
        return Sessions.from(settings, caches);
    }

    private Map<String, Object> locmem() {
        return Map.of("BACKEND", "django.core.cache.backends.locmem.LocMemCache",
                "LOCATION", UUID.randomUUID().toString(), "OPTIONS", Map.of("CLOCK", clock));
    }

    @AfterEach
    void closeCaches() {
        caches.close();
    }

    private Cache defaultCache() {
        return caches.get("default");
    }

    @Test
    void theRecordIsTheDataMapUnderDjangosKey() {
        Session session = sessions.create();
        session.put("_auth_user_id", "1");
        session.put("cart", List.of(1L, 2L));
        session.save();
        String record = "django.contrib.sessions.cache" + session.sessionKey();
        assertThat(defaultCache().makeKey(record)).isEqualTo(":1:" + record);
        assertThat(defaultCache().get(record)).isEqualTo(Map.of("_auth_user_id", "1", "cart", List.of(1L, 2L)));
    }

    @Test
    void theRecordLivesInTheSessionCacheAlias() {
        Sessions engine = sessions(baseSettings().with("SESSION_CACHE_ALIAS", "sessions"));
        Session session = engine.create();
        session.put("x", 1L);
        session.save();
        String record = "django.contrib.sessions.cache" + session.sessionKey();
        assertThat(caches.get("sessions").hasKey(record)).isTrue();
        assertThat(defaultCache().hasKey(record)).isFalse();
    }

    @Test
    void theRecordExpiresAfterTheExpiryAge() {
        Session session = sessions.create();
        session.setExpiry(600);
        session.save();
        clock.advance(java.time.Duration.ofSeconds(599));
        assertThat(sessions.store().exists(session.sessionKey())).isTrue();
        clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(sessions.store().exists(session.sessionKey())).isFalse();
    }

    @Test
    void aBrowserCloseSessionStillLivesTheCookieAgeInTheCache() {
        Session session = sessions.create();
        session.setExpiry(0);
        session.save();
        clock.advance(java.time.Duration.ofSeconds(1_209_599));
        assertThat(sessions.store().exists(session.sessionKey())).isTrue();
        clock.advance(java.time.Duration.ofSeconds(2));
        assertThat(sessions.store().exists(session.sessionKey())).isFalse();
    }

    @Test
    void aVeryLongKeyLoadsEmpty() {
        String mixed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".repeat(20).substring(0, 640);
        String lowercase = "abcdefghijklmnopqrstuvwxyz0123456789".repeat(20).substring(0, 640);
        for (String key : List.of(mixed, lowercase)) {
            Session session = sessions.open(key);
            assertThat(session.items()).isEmpty();
            assertThat(session.sessionKey()).isNull();
        }
    }

    @Test
    void aKeyCollisionIsRetried() {
        String taken = "a".repeat(32);
        String fresh = "b".repeat(32);
        defaultCache().set(CacheSessionStore.KEY_PREFIX + taken, Map.of("someone", "else"));
        AtomicInteger calls = new AtomicInteger();
        CacheSessionStore store = new CacheSessionStore(defaultCache(), false,
                () -> calls.getAndIncrement() == 0 ? taken : fresh);
        assertThat(store.create(Map.of(), 60)).isEqualTo(fresh);
        assertThat(store.load(taken)).contains(Map.of("someone", "else"));
    }

    @Test
    void createGivesUpAfterTenThousandAttempts() {
        String taken = "c".repeat(32);
        defaultCache().set(CacheSessionStore.KEY_PREFIX + taken, Map.of());
        AtomicInteger calls = new AtomicInteger();
        CacheSessionStore store = new CacheSessionStore(defaultCache(), false, () -> {
            calls.incrementAndGet();
            return taken;
        });
        assertThatThrownBy(() -> store.create(Map.of(), 60)).isInstanceOf(SessionException.class)
                .hasMessage("Unable to create a new session key. It is likely that the cache is unavailable.");
        assertThat(calls).hasValue(10_000);
    }

    @Test
    void aRecordThatIsNotASessionLoadsEmpty() {
        String key = "d".repeat(32);
        defaultCache().set(CacheSessionStore.KEY_PREFIX + key, "not a session");
        Session session = sessions.open(key);
        assertThat(session.items()).isEmpty();
        assertThat(session.sessionKey()).isNull();
    }

    @Test
    void aRecordThatIsNotASessionIsAnErrorUnderStrictData() {
        String key = "e".repeat(32);
        defaultCache().set(CacheSessionStore.KEY_PREFIX + key, "not a session");
        Sessions strict = sessions(baseSettings().with("SESSION_STRICT_DATA", true));
        assertThatThrownBy(() -> strict.open(key).items()).isInstanceOf(SessionDataException.class)
                .hasMessageContaining(":1:django.contrib.sessions.cache" + key);
    }

    @Test
    void djangoEngineNameSelectsThisEngine() {
        Sessions engine = sessions(SessionSettings.fromMap(
                Map.of("SESSION_ENGINE", "django.contrib.sessions.backends.cache")));
        assertThat(engine.store()).isInstanceOf(CacheSessionStore.class);
    }

    private Sessions sessionsKeepingDates() {
        caches.close();
        caches = Caches.fromSettings(Map.of("default", Map.of(
                "BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", UUID.randomUUID().toString(),
                "OPTIONS", Map.of("SERIALIZER", "java", "CLOCK", clock))));
        return Sessions.from(SessionSettings.defaults(), caches).withClock(clock);
    }

    @Test
    void withJsonAnExpiryDateIsStoredAsIsoText() {
        Session session = sessions.create();
        session.setExpiry(clock.instant().plusSeconds(600));
        assertThat(session.get("_session_expiry")).isEqualTo(SessionExpiry.format(clock.instant().plusSeconds(600)));
    }

    @Test
    void aSerializerThatKeepsDatesStoresTheExpiryAsADate() {
        Session session = sessionsKeepingDates().create();
        session.setExpiry(Duration.ofSeconds(600));
        assertThat(session.get("_session_expiry")).isEqualTo(SessionExpiry.dateValue(clock.instant().plusSeconds(600)));
    }

    @Test
    void aDateExpiryReadAsADateIsSavedBackAsADate() {
        Sessions keeping = sessionsKeepingDates();
        OffsetDateTime expiry = OffsetDateTime.ofInstant(clock.instant().plusSeconds(600), ZoneOffset.UTC);
        Session session = keeping.create();
        session.put("_session_expiry", expiry);
        session.save();
        Session loaded = keeping.open(session.sessionKey());
        loaded.put("n", 1L);
        loaded.save();
        assertThat(keeping.open(session.sessionKey()).get("_session_expiry")).isEqualTo(expiry);
        assertThat(loaded.getExpiryAge()).isEqualTo(600L);
    }
}
