package org.cacheway.examples.web;

import java.util.List;
import org.cacheway.cache.Cache;
import org.cacheway.session.cache.CacheSessionStore;

/**
 * Where a session lives in Redis and the {@code redis-cli} commands that show it, as the Django +
 * django-redis walkthrough runs them ({@code select 1}, {@code keys *}).
 */
public final class RedisHints {
    private final Cache cache;
    private final String cliArguments;
    private final int db;

    /** Hints for sessions kept in {@code cache}, on the server {@code redis-cli cliArguments} reaches. */
    public RedisHints(Cache cache, String cliArguments, int db) {
        this.cache = cache;
        this.cliArguments = cliArguments;
        this.db = db;
    }

    /** The Redis key of a session's record, e.g. {@code :1:django.contrib.sessions.cache<key>}. */
    public String recordKey(String sessionKey) {
        return cache.makeKey(CacheSessionStore.KEY_PREFIX + sessionKey);
    }

    /** The Redis db the sessions are in. */
    public int db() {
        return db;
    }

    /** The command that lists every key of the sessions' db. */
    public String scanCommand() {
        return "redis-cli " + cliArguments + " --scan";
    }

    /** The commands to type, one a line; short enough for the page's box but the record key's. */
    public List<String> commands(String sessionKey) {
        String server = cliArguments.replaceAll("\\s*-n \\d+$", "");
        return List.of(
                scanCommand(),
                "redis-cli " + cliArguments + " get '" + recordKey(sessionKey) + "'",
                "redis-cli " + server + "    # then: select " + db + ", keys *, ttl <the Redis key>");
    }
}
