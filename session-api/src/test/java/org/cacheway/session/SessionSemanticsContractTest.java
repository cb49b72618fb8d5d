package org.cacheway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session behaviour every engine shares (Django's {@code SessionTestsMixin}, items 101-107,
 * 111, 113-115 of the reference): the attribute map, the flags, key validation and expiry.
 * Engines with server-side records run {@link SessionStoreContractTest}, which adds the rest.
 */
public abstract class SessionSemanticsContractTest {
    /** The clock sessions compute expiry from: 2026-11-24T21:00:00Z. */
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T21:00:00Z"));
    /** The engine under test, with the default settings. */
    protected Sessions sessions;

    /** The engine under test for {@code settings}, using {@link #clock} wherever it keeps time. */
    protected abstract Sessions sessions(SessionSettings settings);

    /** The settings every test starts from (Django's defaults plus what the engine needs). */
    protected SessionSettings baseSettings() {
        return SessionSettings.defaults();
    }

    @BeforeEach
    void createEngine() {
        sessions = sessions(baseSettings()).withClock(clock);
    }

    /** A session reloaded from the store under {@code session}'s key, with fresh flags. */
    protected Session reopen(Session session) {
        return sessions.open(session.sessionKey());
    }

    private Session savedWith(String key, Object value) {
        Session session = sessions.create();
        session.put(key, value);
        session.save();
        return reopen(session);
    }

    @Test
    void newSessionIsNeitherModifiedNorAccessed() {
        Session session = sessions.create();
        assertThat(session.isModified()).isFalse();
        assertThat(session.isAccessed()).isFalse();
        assertThat(session.get("cat")).isNull();
    }

    @Test
    void putMarksModifiedAndPopReturnsTheValue() {
        Session session = sessions.create();
        session.put("cat", "dog");
        assertThat(session.isModified()).isTrue();
        assertThat(session.pop("cat")).isEqualTo("dog");
    }

    @Test
    void popOfAPresentKeySetsAccessedAndModified() {
        Session session = savedWith("some key", "exists");
        assertThat(session.pop("some key")).isEqualTo("exists");
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isTrue();
    }

    @Test
    void popOfAMissingKeyWithDefaultSetsOnlyAccessed() {
        Session session = sessions.create();
        assertThat(session.pop("some key", "does not exist")).isEqualTo("does not exist");
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isFalse();
    }

    @Test
    void popOfAMissingKeyWithoutDefaultIsAKeyError() {
        Session session = sessions.create();
        assertThatThrownBy(() -> session.pop("x")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> session.remove("x")).isInstanceOf(NoSuchElementException.class);
        assertThat(session.isModified()).isFalse();
    }

    @Test
    void setDefaultInsertsOnlyWhenAbsent() {
        Session session = sessions.create();
        assertThat(session.setDefault("foo", "bar")).isEqualTo("bar");
        assertThat(session.setDefault("foo", "baz")).isEqualTo("bar");
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isTrue();
    }

    @Test
    void setDefaultOfAPresentKeyDoesNotModify() {
        Session session = savedWith("foo", "bar");
        assertThat(session.setDefault("foo", "baz")).isEqualTo("bar");
        assertThat(session.isModified()).isFalse();
    }

    @Test
    void updateMarksModified() {
        Session session = sessions.create();
        session.update(Map.of("update key", 1L));
        assertThat(session.isModified()).isTrue();
        assertThat(session.get("update key")).isEqualTo(1L);
    }

    @Test
    void readsSetAccessedButNotModified() {
        Session saved = savedWith("some key", "v");
        for (int read = 0; read < 6; read++) {
            Session session = reopen(saved);
            assertThat(session.isAccessed()).isFalse();
            runOn(session, read);
            assertThat(session.isAccessed()).as("read %d", read).isTrue();
            assertThat(session.isModified()).as("read %d", read).isFalse();
        }
    }

    private static void runOn(Session session, int read) {
        switch (read) {
            case 0 -> session.containsKey("some key");
            case 1 -> session.keys();
            case 2 -> session.values();
            case 3 -> session.items();
            case 4 -> session.get("some key");
            default -> session.get("x", "d");
        }
    }

    @Test
    void valuesOnAnEmptySessionSetsAccessed() {
        Session session = sessions.create();
        assertThat(session.values()).isEmpty();
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isFalse();
    }

    @Test
    void clearEmptiesAndSetsBothFlags() {
        Session session = savedWith("x", 1L);
        session.clear();
        assertThat(session.items()).isEmpty();
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isModified()).isTrue();
    }

    @Test
    void saveDoesNotClearTheDataInMemory() {
        Session session = sessions.create();
        session.put("x", 1L);
        session.save();
        assertThat(session.items()).containsExactly(Map.entry("x", 1L));
    }

    @Test
    void savedDataOfEveryJsonTypeLoadsEqual() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("_auth_user_id", "1");
        data.put("count", 42L);
        data.put("big", new java.math.BigInteger("1180591620717411303424"));
        data.put("ratio", 1.5);
        data.put("whole", 3.0);
        data.put("flag", true);
        data.put("nothing", null);
        data.put("name", "Zo\u00eb \u2615");
        data.put("cart", List.of(1L, 2L));
        data.put("nested", Map.of("c", List.of("x")));
        Session session = sessions.create();
        session.update(data);
        session.save();
        assertThat(reopen(session).items()).isEqualTo(data);
    }

    @Test
    void keysShorterThanEightCharactersAreDropped() {
        assertThat(sessions.open("").sessionKey()).isNull();
        assertThat(sessions.open("1234567").sessionKey()).isNull();
        assertThat(sessions.open(null).sessionKey()).isNull();
    }

    @Test
    void defaultExpiryIsTheCookieAge() {
        Session session = sessions.create();
        assertThat(session.getExpiryAge()).isEqualTo(1_209_600L);
        assertThat(session.getExpiryDate()).isEqualTo(clock.instant().plusSeconds(1_209_600L));
    }

    @Test
    void expiryZeroMeansBrowserCloseWithTheCookieAge() {
        Session session = sessions.create();
        session.setExpiry(0);
        assertThat(session.getExpiryAge()).isEqualTo(1_209_600L);
        assertThat(session.getExpireAtBrowserClose()).isTrue();
    }

    @Test
    void expiryInSecondsDurationOrDateGiveTheSameAgeAndDate() {
        Instant modification = clock.instant();
        for (Object expiry : List.of(10L, Duration.ofSeconds(10), modification.plusSeconds(10),
                modification.plusSeconds(10).atZone(java.time.ZoneId.of("Europe/Paris")))) {
            Session session = sessions.create();
            session.setExpiry(expiry);
            assertThat(session.getExpiryAge(modification)).as("age for %s", expiry).isEqualTo(10L);
            assertThat(session.getExpiryDate(modification)).as("date for %s", expiry)
                    .isEqualTo(modification.plusSeconds(10));
        }
    }

    @Test
    void expiryNullReturnsToTheGlobalPolicy() {
        Session session = sessions.create();
        session.setExpiry(10);
        session.setExpiry(null);
        assertThat(session.getExpiryAge()).isEqualTo(1_209_600L);
    }

    @Test
    void secondsExpiryIsStoredAsAnInteger() {
        Session session = sessions.create();
        session.setExpiry(600);
        session.save();
        assertThat(reopen(session).get(SessionExpiry.KEY)).isEqualTo(600L);
    }

    @Test
    void expireAtBrowserCloseFollowsTheSettingWhenNoExpiryIsStored() {
        for (boolean setting : new boolean[] {false, true}) {
            Sessions engine = sessions(baseSettings().with("SESSION_EXPIRE_AT_BROWSER_CLOSE", setting))
                    .withClock(clock);
            Session session = engine.create();
            session.setExpiry(10);
            assertThat(session.getExpireAtBrowserClose()).isFalse();
            session.setExpiry(0);
            assertThat(session.getExpireAtBrowserClose()).isTrue();
            session.setExpiry(null);
            assertThat(session.getExpireAtBrowserClose()).isEqualTo(setting);
        }
    }
}
