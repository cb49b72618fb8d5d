package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.session.Session;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.SessionStoreContractTest;
import org.cacheway.session.Sessions;
import org.cacheway.testsupport.RedisCluster;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hash store on test-support's Redis Cluster (3 primaries x 1 replica) through a
 * {@code ClusterClient} alias: the store contract, a session's hash and its index entry in one
 * slot, sessions spread over the primaries by the index shards, the principal index across
 * shards, typed errors while a whole shard is down, and a primary failover under the store.
 */
class RedisSessionStoreClusterIT extends SessionStoreContractTest {
    @RegisterExtension
    static final RedisExtension<RedisCluster> redis = RedisExtension.cluster();

    private static Caches caches;
    private RedisSessionStore store;

    @BeforeAll
    static void connect() {
        caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uris(), "OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.ClusterClient",
                        "SOCKET_TIMEOUT", 2, "SOCKET_CONNECT_TIMEOUT", 1, "RECONNECT_MAX_DELAY", 0.5,
                        "WAIT_REPLICAS", 1, "WAIT_TIMEOUT", 1000, "WAIT_MODE", "warn"))));
    }

    @AfterAll
    static void disconnect() {
        caches.close();
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

    private String loggedIn(String principal) {
        Session session = sessions.create();
        session.put("_auth_user_id", principal);
        session.put("visits", 0L);
        session.save();
        return session.sessionKey();
    }

    private static RedisNode ownerOf(String redisKey) {
        int slot = SlotHash.getSlot(redisKey);
        for (RedisNode primary : redis.get().primaries()) {
            if (primary.call("CLUSTER", "COUNTKEYSINSLOT", Integer.toString(slot)) instanceof Long count && count > 0) {
                return primary;
            }
        }
        throw new AssertionError("no primary holds " + redisKey);
    }

    @Test
    void aStoreOnAClusterAliasHasIndexShardsAndEachSessionSharesASlotWithItsIndexEntry() {
        assertThat(store.toString()).contains("indexShards=" + RedisSessionStore.SPREAD_INDEX_SHARDS);
        String key = loggedIn("7");
        RedisNode owner = ownerOf(store.sessionKey(key));
        Object slot = owner.call("CLUSTER", "KEYSLOT", store.sessionKey(key));
        assertThat(slot).as("the server's slot of the session's hash").isEqualTo(
                (long) SlotHash.getSlot(store.sessionKey(key)));
        assertThat(store.principalKeys("7")).hasSize(RedisSessionStore.SPREAD_INDEX_SHARDS)
                .filteredOn(index -> owner.call("CLUSTER", "KEYSLOT", index).equals(slot)).hasSize(1)
                .allSatisfy(index -> assertThat(owner.call("ZSCORE", index, key)).isNotNull());
    }

    @Test
    void theSessionsOfOnePrincipalSpreadOverThePrimariesAndAreAllListedAndInvalidated() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            keys.add(loggedIn("42"));
        }
        loggedIn("43");
        Set<RedisNode> owners = new HashSet<>();
        keys.forEach(key -> owners.add(ownerOf(store.sessionKey(key))));
        assertThat(owners).as("primaries holding the sessions").hasSize(3);
        assertThat(store.sessionsOf("42")).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(store.invalidateAll("42")).isEqualTo(48L);
        assertThat(store.sessionsOf("42")).isEmpty();
        assertThat(store.sessionsOf("43")).hasSize(1);
        keys.forEach(key -> assertThat(store.exists(key)).isFalse());
    }

    @Test
    void deltaSavesAndPrincipalChangesWorkAcrossShards() {
        String key = loggedIn("1");
        Session first = sessions.open(key);
        Session stale = sessions.open(key);
        first.put("_auth_user_id", "2");
        first.save();
        stale.put("visits", 5L);
        stale.save();
        assertThat(sessions.open(key).items()).containsEntry("_auth_user_id", "2").containsEntry("visits", 5L);
        assertThat(store.sessionsOf("1")).isEmpty();
        assertThat(store.sessionsOf("2")).containsExactly(key);
        Session cycled = sessions.open(key);
        cycled.cycleKey();
        assertThat(store.sessionsOf("2")).containsExactly(cycled.sessionKey());
        cycled.flush();
        assertThat(store.sessionsOf("2")).isEmpty();
    }

    @Test
    void aShardWithNoNodeLeftFailsTheStoreWithTypedErrorsAndWorksAgainWhenItIsBack() {
        String key = loggedIn("5");
        RedisNode owner = ownerOf(store.sessionKey(key));
        List<RedisNode> shard = new ArrayList<>(redis.get().replicasOf(owner));
        shard.add(owner);
        shard.forEach(RedisNode::kill);
        try {
            assertThatThrownBy(() -> store.load(key)).isInstanceOf(CacheException.class);
            assertThatThrownBy(() -> store.exists(key)).isInstanceOf(CacheException.class);
            assertThatThrownBy(() -> store.save(key, Map.of("_auth_user_id", "5"), 60, false))
                    .isInstanceOf(CacheException.class);
            assertThatThrownBy(() -> store.sessionsOf("5")).isInstanceOf(CacheException.class);
        } finally {
            shard.forEach(RedisNode::restart);
            redis.get().awaitHealthy(Duration.ofSeconds(60));
        }
        assertThat(store.exists(key)).as("test-support's nodes keep no data over a restart").isFalse();
        String again = loggedIn("5");
        assertThat(sessions.open(again).get("_auth_user_id")).as("a session saved once the shard is back")
                .isEqualTo("5");
    }

    @Test
    void sessionsOutliveAPrimaryFailover() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            keys.add(loggedIn("9"));
        }
        RedisNode victim = ownerOf(store.sessionKey(keys.get(0)));
        victim.kill();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
            while (true) {
                try {
                    Session session = sessions.open(keys.get(0));
                    session.put("visits", 1L);
                    session.save();
                    break;
                } catch (CacheException outage) {
                    assertThat(System.nanoTime()).as("the store works again within 45 s").isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
            for (String key : keys) {
                assertThat(sessions.open(key).get("_auth_user_id")).as("session %s", key).isEqualTo("9");
            }
            assertThat(store.sessionsOf("9")).containsExactlyInAnyOrderElementsOf(keys);
            String after = loggedIn("9");
            assertThat(store.invalidateAll("9")).isEqualTo(25L);
            assertThat(store.exists(after)).isFalse();
        } finally {
            victim.restart();
            redis.get().awaitHealthy(Duration.ofSeconds(60));
        }
    }
}
