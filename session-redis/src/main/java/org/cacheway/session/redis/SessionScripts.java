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
     * ('' = none), key prefix, session key, number of fields to set, field/value pairs, then fields
     * to delete. Returns 1 on success, 0 when create found the key, -1 when update found none.
     */
    static final Script SAVE = new Script(NOW
            + "local h, mode, ttl, principal, prefix, sid = KEYS[1], ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4], ARGV[5] "
            + "local exists = redis.call('EXISTS', h) == 1 "
            + "if mode == 'create' then if exists then return 0 end elseif not exists then return -1 end "
            + "local old = redis.call('HGET', h, 'meta:principal') "
            + "if mode == 'replace' then "
            + "  for _, f in ipairs(redis.call('HKEYS', h)) do "
            + "    if string.sub(f, 1, 5) == 'attr:' then redis.call('HDEL', h, f) end end end "
            + "local i = 7 "
            + "for n = 1, tonumber(ARGV[6]) do redis.call('HSET', h, ARGV[i], ARGV[i + 1]) i = i + 2 end "
            + "while i <= #ARGV do redis.call('HDEL', h, ARGV[i]) i = i + 1 end "
            + "redis.call('HSET', h, 'meta:principal', principal) "
            + "if mode == 'create' then redis.call('HSET', h, 'meta:created', now) end "
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
}
