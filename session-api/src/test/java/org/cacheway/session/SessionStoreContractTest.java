package org.cacheway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract of an engine with server-side records (Django's {@code SessionTestsMixin} and the
 * session lines of CONTRACT.md, items 108-118 of the reference), on top of the shared
 * {@link SessionSemanticsContractTest}. A store is done when it passes this suite.
 */
public abstract class SessionStoreContractTest extends SessionSemanticsContractTest {

    private Session saved(Map<String, Object> data) {
        Session session = sessions.create();
        session.update(data);
        session.save();
        return session;
    }

    @Test
    void newKeysAre32CharactersOfLowercaseLettersAndDigits() {
        Session session = saved(Map.of("x", 1L));
        assertThat(session.sessionKey()).matches("[a-z0-9]{32}");
    }

    @Test
    void keysWithOtherCharactersNeverReachTheStore() {
        assertThat(sessions.open("garbage!!").sessionKey()).isNull();
        assertThat(sessions.open("ABCDEFGHIJ").sessionKey()).isNull();
        assertThat(sessions.open("12345678").sessionKey()).isEqualTo("12345678");
    }

    @Test
    void saveCreatesARecordAndDeleteRemovesIt() {
        Session session = saved(Map.of("x", 1L));
        assertThat(sessions.store().exists(session.sessionKey())).isTrue();
        session.delete();
        assertThat(sessions.store().exists(session.sessionKey())).isFalse();
    }

    @Test
    void flushDeletesTheRecordAndDropsTheKey() {
        Session session = saved(Map.of("x", 1L));
        String key = session.sessionKey();
        session.flush();
        assertThat(sessions.store().exists(key)).isFalse();
        assertThat(session.sessionKey()).isNull();
        assertThat(session.isModified()).isTrue();
        assertThat(session.isAccessed()).isTrue();
        assertThat(session.isEmpty()).isTrue();
    }

    @Test
    void cycleKeyKeepsTheDataUnderANewKeyAndDeletesTheOld() {
        Session session = saved(Map.of("d", "v"));
        String old = session.sessionKey();
        session.cycleKey();
        assertThat(session.sessionKey()).isNotEqualTo(old);
        assertThat(sessions.store().exists(old)).isFalse();
        assertThat(session.items()).isEqualTo(Map.of("d", "v"));
        assertThat(reopen(session).items()).isEqualTo(Map.of("d", "v"));
    }

    @Test
    void cycleKeyWorksOnASessionNotLoadedYet() {
        String old = saved(Map.of("d", "v")).sessionKey();
        Session session = sessions.open(old);
        session.cycleKey();
        assertThat(session.sessionKey()).isNotEqualTo(old);
        assertThat(sessions.store().exists(old)).isFalse();
        assertThat(reopen(session).items()).isEqualTo(Map.of("d", "v"));
    }

    @Test
    void savingAnUnknownKeyMakesANewKeyNotTheClientsOne() {
        Session session = sessions.open("1");
        session.save();
        assertThat(session.sessionKey()).isNotNull().isNotEqualTo("1");
        assertThat(reopen(session).items()).isEmpty();
    }

    @Test
    void loadingAnUnknownKeyGivesAnEmptySessionAndCreatesNothing() {
        Session session = sessions.open("someunknownkey");
        assertThat(session.items()).isEmpty();
        assertThat(session.sessionKey()).isNull();
        assertThat(sessions.store().exists("someunknownkey")).isFalse();
        session.put("a", 1L);
        session.save();
        assertThat(session.sessionKey()).isNotEqualTo("someunknownkey");
    }

    @Test
    void aCreatedSessionIsStoredEmptyAtOnce() {
        Session session = sessions.create();
        session.create();
        assertThat(session.isModified()).isTrue();
        assertThat(sessions.store().load(session.sessionKey())).contains(Map.of());
        session.save();
        assertThat(sessions.store().exists(session.sessionKey())).isTrue();
    }

    @Test
    void anExpiryInThePastExpiresTheRecordAtOnce() {
        Session session = sessions.create();
        session.put("x", 1L);
        session.setExpiry(Duration.ofSeconds(-10));
        session.save();
        assertThat(reopen(session).items()).isEmpty();
    }

    @Test
    void anExpiryDateInTheFutureKeepsTheRecord() {
        Session session = sessions.create();
        session.setExpiry(Duration.ofSeconds(600));
        session.save();
        Session loaded = reopen(session);
        assertThat(loaded.getExpiryAge()).isEqualTo(600L);
        assertThat(loaded.get(SessionExpiry.KEY)).isEqualTo(session.get(SessionExpiry.KEY));
    }

    @Test
    void saveDoesNotResurrectASessionDeletedElsewhere() {
        Session first = saved(Map.of("x", 1L));
        sessions.open(first.sessionKey()).delete();
        first.put("y", 2L);
        assertThatThrownBy(first::save).isInstanceOf(SessionUpdateException.class)
                .hasMessageContaining("deleted before the request completed");
        assertThat(sessions.store().exists(first.sessionKey())).isFalse();
        assertThat(reopen(first).items()).isEmpty();
    }

    @Test
    void savingAnUnloadedSessionDeletedElsewhereIsAnUpdateError() {
        String key = saved(Map.of("x", 1L)).sessionKey();
        Session unloaded = sessions.open(key);
        sessions.open(key).delete();
        assertThatThrownBy(unloaded::save).isInstanceOf(SessionUpdateException.class);
        assertThat(sessions.store().exists(key)).isFalse();
    }

    @Test
    void mustCreateNeverOverwrites() {
        Session session = saved(Map.of("x", 1L));
        assertThatThrownBy(() -> sessions.store().save(session.sessionKey(), Map.of("y", 2L), 60, true))
                .isInstanceOf(SessionCreateException.class);
        assertThat(reopen(session).items()).isEqualTo(Map.of("x", 1L));
    }

    @Test
    void createPicksAFreshKeyEachTime() {
        String first = sessions.store().create(Map.of(), 60);
        String second = sessions.store().create(Map.of(), 60);
        assertThat(first).isNotEqualTo(second);
        assertThat(sessions.store().exists(first)).isTrue();
    }

    @Test
    void removedAttributesStayRemovedAfterSave() {
        Session session = reopen(saved(Map.of("a", 1L, "b", 2L)));
        session.remove("a");
        session.put("c", 3L);
        session.save();
        assertThat(reopen(session).items()).isEqualTo(Map.of("b", 2L, "c", 3L));
    }

    @Test
    void clearThenSaveStoresOnlyTheNewData() {
        Session session = reopen(saved(Map.of("a", 1L, "b", 2L)));
        session.clear();
        session.put("c", 3L);
        session.save();
        assertThat(reopen(session).items()).isEqualTo(Map.of("c", 3L));
    }

    @Test
    void anEmptiedButKeyedSessionIsSavedEmpty() {
        Session session = reopen(saved(Map.of("a", 1L)));
        session.remove("a");
        assertThat(session.isEmpty()).isFalse();
        session.save();
        assertThat(sessions.store().load(session.sessionKey())).contains(Map.of());
    }

    @Test
    void clearExpiredIsHarmless() {
        Session session = saved(Map.of("a", 1L));
        sessions.store().clearExpired();
        assertThat(reopen(session).items()).isEqualTo(Map.of("a", 1L));
    }
}
