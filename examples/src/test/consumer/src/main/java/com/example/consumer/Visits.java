package com.example.consumer;

import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.session.Session;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;

/** A user's code: a visit counter in a Redis cache and the last visit in a Redis-hash session. */
public final class Visits implements AutoCloseable {
    private final Caches caches;
    private final Sessions sessions;

    /** Caches and sessions on the Redis at {@code location}. */
    public Visits(String location) {
        caches = Caches.fromSettings(Map.of("default", Map.of(
                "BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", location,
                "OPTIONS", Map.of("SERIALIZER", "django_redis.serializers.json.JSONSerializer"))));
        sessions = Sessions.from(SessionSettings.fromMap(Map.of(
                "SESSION_ENGINE", "org.cacheway.session.redis.RedisSessionStore")), caches);
    }

    /** Counts a visit of {@code page} and returns the count so far. */
    public long visit(String page) {
        Cache cache = caches.get("default");
        cache.add("visits:" + page, 0, Timeout.NEVER);
        return cache.incr("visits:" + page);
    }

    /** Saves {@code page} as the last page of a new session and returns the session key. */
    public String remember(String page) {
        Session session = sessions.create();
        session.put("last_page", page);
        session.save();
        return session.sessionKey();
    }

    /** The last page saved in the session {@code sessionKey}. */
    public Object lastPage(String sessionKey) {
        return sessions.open(sessionKey).get("last_page");
    }

    @Override
    public void close() {
        caches.close();
    }
}
