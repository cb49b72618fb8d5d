package org.cacheway.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.cacheway.session.Session;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.cacheway.session.cache.CacheSessionStore;
import org.cacheway.session.redis.RedisSessionStore;

/**
 * W6's sessions and cycles, outside JMH so that the round-trip check runs the very same code:
 * 1,000 logged-in sessions in each engine (Django's cache engine over the {@code RedisCache}
 * alias, and the {@link RedisSessionStore} hash store on the same alias), and one cycle per side:
 * load by key, change one attribute, save.
 */
public final class SessionFixture {
    /** Sessions per engine. */
    public static final int SESSIONS = 1_000;
    /** Django's default {@code SESSION_COOKIE_AGE}: the TTL every save refreshes. */
    static final long COOKIE_AGE = 1_209_600L;
    /** The attribute every cycle reads and increments. */
    static final String COUNTER = "visits";
    private static final String COUNTER_FIELD = "attr:" + COUNTER;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> SESSION_TYPE = new TypeReference<>() { };

    private final RedisCommands<String, byte[]> raw;
    private final Sessions cacheEngine;
    private final Sessions hashEngine;
    private final String[] cacheKeys = new String[SESSIONS];
    private final String[] cacheFinalKeys = new String[SESSIONS];
    private final String[] hashKeys = new String[SESSIONS];
    private final String[] hashFinalKeys = new String[SESSIONS];

    /** Builds both engines from Django-style settings and creates their sessions. */
    public SessionFixture(BenchEnvironment env) {
        this.raw = env.raw().sync();
        this.cacheEngine = Sessions.from(SessionSettings.fromMap(
                Map.of("SESSION_ENGINE", "django.contrib.sessions.backends.cache")), env.caches());
        this.hashEngine = Sessions.from(SessionSettings.fromMap(
                Map.of("SESSION_ENGINE", RedisSessionStore.class.getName())), env.caches());
        RedisSessionStore hashStore = (RedisSessionStore) hashEngine.store();
        for (int i = 0; i < SESSIONS; i++) {
            cacheKeys[i] = create(cacheEngine, i);
            cacheFinalKeys[i] = env.cache().makeKey(CacheSessionStore.KEY_PREFIX + cacheKeys[i]);
            hashKeys[i] = create(hashEngine, i);
            hashFinalKeys[i] = hashStore.sessionKey(hashKeys[i]);
        }
        if (raw.get(cacheFinalKeys[0]) == null || raw.hgetall(hashFinalKeys[0]).isEmpty()) {
            throw new IllegalStateException("sessions were not stored where the raw baseline looks");
        }
    }

    private static String create(Sessions engine, int i) {
        Session session = engine.create();
        session.update(BenchData.sessionAttributes(i));
        session.save();
        return session.sessionKey();
    }

    private static int nextSession() {
        return ThreadLocalRandom.current().nextInt(SESSIONS);
    }

    /** Cacheway, cache engine: open, read the counter, put it back incremented, save. */
    public Session cacheEngineCycle() {
        return cycle(cacheEngine, cacheKeys[nextSession()]);
    }

    /** Cacheway, hash store: the same cycle; the save sends only the changed attribute. */
    public Session hashStoreCycle() {
        return cycle(hashEngine, hashKeys[nextSession()]);
    }

    private static Session cycle(Sessions engine, String key) {
        Session session = engine.open(key);
        long visits = ((Number) session.get(COUNTER)).longValue();
        session.put(COUNTER, visits + 1);
        session.save();
        return session;
    }

    /**
     * Raw Lettuce's own load-modify-save of the cache engine's record: GET the JSON blob, parse it
     * with Jackson (what a Lettuce user would reach for), increment the counter, write the JSON and
     * SETEX it back with the session TTL. The modify step is part of the cycle BENCHMARK.md
     * compares with: a session layer cannot change an attribute without decoding the record.
     */
    // SETEX: what raw Lettuce users send for a set with a timeout (Lettuce 7 deprecates the method
    // in favour of set(key, value, SetArgs), which sends the same command with more allocation).
    @SuppressWarnings("deprecation")
    public String rawBlobCycle() {
        String key = cacheFinalKeys[nextSession()];
        try {
            Map<String, Object> session = JSON.readValue(raw.get(key), SESSION_TYPE);
            session.put(COUNTER, ((Number) session.get(COUNTER)).longValue() + 1);
            return raw.setex(key, COOKIE_AGE, JSON.writeValueAsBytes(session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raw Lettuce for the hash store's record: HGETALL, increment the counter field, HSET it. */
    public Boolean rawHashCycle() {
        String key = hashFinalKeys[nextSession()];
        Map<String, byte[]> fields = raw.hgetall(key);
        long visits = Long.parseLong(new String(fields.get(COUNTER_FIELD), StandardCharsets.US_ASCII));
        return raw.hset(key, COUNTER_FIELD, Long.toString(visits + 1).getBytes(StandardCharsets.US_ASCII));
    }
}
