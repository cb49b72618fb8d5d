package org.cacheway.session.redis;

import org.cacheway.cache.redis.client.Script;

/**
 * The Lua scripts behind {@link RedisSessionStore}: each operation is one round trip and atomic,
 * sent by SHA-1 ({@code EVALSHA}) so the ~1 KiB save script is not resent and rehashed per save.
 * Times come from the server ({@code TIME}), so index scores never depend on client clocks.
 */
final class SessionScripts {
    private SessionScripts() {
    }

    /** Server time in milliseconds. */
    private static final String NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) ";

    /**
     * Saves a session. KEYS[1] = the hash. ARGV: mode (create|update|replace), ttl ms, principal
     * ('' = none), key prefix, session key, then the attribute writes (see {@link #fields}). Returns
     * 1 on success, 0 when create found the key, -1 when update found none.
     */
    static final Script SAVE = new Script(NOW
            + "local h, mode, ttl, principal, prefix, sid = KEYS[1], ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5] "
            + "local exists = redis.call('EXISTS', h) == 1 "
            + "if mode == 'create' then if exists then return 0 end elseif not exists then return -1 end "
            + "local old = redis.call('HGET', h, 'meta:principal') "
            + "if mode == 'replace' then "
            + "  local attrs = {} "
            + "  for _, f in ipairs(redis.call('HKEYS', h)) do "
            + "    if string.sub(f, 1, 5) == 'attr:' then attrs[#attrs + 1] = f end end "
            + "  " + batch("HDEL", "attrs", "1", "#attrs") + "end "
            + fields(6)
            + "if mode == 'create' then redis.call('HSET', h, 'meta:principal', principal, 'meta:created', now) "
            + "else redis.call('HSET', h, 'meta:principal', principal) end "
            + "if ttl > 0 then redis.call('PEXPIRE', h, ttl) else redis.call('DEL', h) end "
            + "if old and old ~= '' and old ~= principal then redis.call('ZREM', prefix .. 'principal:' .. old, sid) end "
            + "if principal ~= '' then "
            + "  local idx = prefix .. 'principal:' .. principal "
            + "  if ttl > 0 then "
            + "    redis.call('ZADD', idx, now + ttl, sid) "
            + "    redis.call('ZREMRANGEBYSCORE', idx, '-inf', now) "
            + "    if redis.call('PTTL', idx) < ttl then redis.call('PEXPIRE', idx, ttl) end "
            + "  else redis.call('ZREM', idx, sid) end "
            + "end "
            + "return 1");

    /** Deletes a session and its index entry. KEYS[1] = the hash; ARGV: key prefix, session key. */
    static final Script DELETE = new Script("local old = redis.call('HGET', KEYS[1], 'meta:principal') "
            + "redis.call('DEL', KEYS[1]) "
            + "if old and old ~= '' then redis.call('ZREM', ARGV[1] .. 'principal:' .. old, ARGV[2]) end "
            + "return 1");

    /** The live session keys of a principal, pruning expired entries. KEYS[1] = the index. */
    static final Script SESSIONS_OF = new Script(NOW
            + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now) "
            + "return redis.call('ZRANGE', KEYS[1], 0, -1)");

    /** Deletes every session of a principal and the index. KEYS[1] = the index; ARGV[1] = key prefix. */
    static final Script INVALIDATE_ALL = new Script("local members = redis.call('ZRANGE', KEYS[1], 0, -1) "
            + "local n = 0 "
            + "for _, sid in ipairs(members) do n = n + redis.call('DEL', ARGV[1] .. 'session:' .. sid) end "
            + "redis.call('DEL', KEYS[1]) "
            + "return n");

    /**
     * Lua for one variadic {@code cmd h list[first..last]} ({@code h} a local naming the hash), in
     * slices of 4,000 values (even, so field/value pairs stay whole) because Lua's {@code unpack}
     * fails past about 8,000. Helpers are spliced in as text, not Lua functions, which the server
     * would build anew on every call.
     */
    private static String batch(String cmd, String list, String first, String last) {
        return "for i = " + first + ", " + last + ", 4000 do redis.call('" + cmd + "', h, unpack(" + list
                + ", i, math.min(i + 3999, " + last + "))) end ";
    }

    /**
     * Lua writing a save's attributes to the hash {@code h} from ARGV[first]: the number of fields
     * to set, the field/value pairs, then the fields to delete.
     */
    private static String fields(int first) {
        return "local last = " + first + " + 2 * tonumber(ARGV[" + first + "]) "
                + batch("HSET", "ARGV", Integer.toString(first + 1), "last")
                + batch("HDEL", "ARGV", "last + 1", "#ARGV");
    }
}
