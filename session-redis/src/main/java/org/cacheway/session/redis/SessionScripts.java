package org.cacheway.session.redis;

import io.lettuce.core.ScriptOutputType;
import org.cacheway.cache.redis.client.RedisScript;

/**
 * The Lua scripts behind {@link RedisSessionStore}: each operation is one round trip and atomic,
 * sent by SHA-1 ({@code EVALSHA}) so the save scripts are not resent and rehashed per save.
 * Times come from the server ({@code TIME}), so index scores never depend on client clocks.
 *
 * <p>The principal index is a sorted set of session keys whose scores are only pruning hints: the
 * session's expiry as of the last index write, which {@link #UPDATE} does not redo. A member is
 * therefore verified against its hash ({@code PTTL}) before it is trusted or dropped: by
 * {@link #SESSIONS_OF} for every member, and by {@link #SAVE} for the members whose score passed.
 */
final class SessionScripts {
    private SessionScripts() {
    }

    /** Server time in milliseconds. */
    private static final String NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) ";

    /**
     * Saves a session in full, indexing it under its principal: creates, replaces, or updates one
     * whose principal attribute changed (or whose expiry age is zero or less, which deletes it).
     * KEYS[1] = the hash. ARGV: mode (create|update|replace), ttl ms, principal ('' = none), key
     * prefix, session key, then the attribute writes (see {@link #fields}). Returns 1 on success, 0
     * when create found the key, -1 when update or replace found none.
     */
    static final RedisScript SAVE = new RedisScript("save", NOW
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
            + "    " + verify("redis.call('ZRANGEBYSCORE', idx, '-inf', '(' .. now)")
            + "    if redis.call('PTTL', idx) < ttl then redis.call('PEXPIRE', idx, ttl) end "
            + "  else redis.call('ZREM', idx, sid) end "
            + "end "
            + "return 1", ScriptOutputType.INTEGER);

    /**
     * Updates an existing session whose principal did not change, the common save: refreshes the
     * hash's TTL (its reply is the existence check), writes the changed fields, and keeps the
     * principal index (named by the hash's {@code meta:principal}) alive at least as long as the
     * session, re-adding the member with score 0 ("verify me") should the index have vanished.
     * No index scores are rewritten. KEYS[1] = the hash. ARGV: ttl ms (positive), key prefix,
     * session key, then the attribute writes (see {@link #fields}). Returns 1 on success, -1 when
     * the hash is gone (it is not recreated).
     */
    static final RedisScript UPDATE = new RedisScript("update", "local h, ttl = KEYS[1], tonumber(ARGV[1]) "
            + "if redis.call('PEXPIRE', h, ttl) == 0 then return -1 end "
            + fields(4)
            + "local principal = redis.call('HGET', h, 'meta:principal') "
            + "if principal and principal ~= '' then "
            + "  local idx = ARGV[2] .. 'principal:' .. principal "
            + "  local left = redis.call('PTTL', idx) "
            + "  if left == -2 then redis.call('ZADD', idx, 0, ARGV[3]) end "
            + "  if left < ttl then redis.call('PEXPIRE', idx, ttl) end "
            + "end "
            + "return 1", ScriptOutputType.INTEGER);

    /** Deletes a session and its index entry. KEYS[1] = the hash; ARGV: key prefix, session key. */
    static final RedisScript DELETE = new RedisScript("delete", "local old = redis.call('HGET', KEYS[1], 'meta:principal') "
            + "redis.call('DEL', KEYS[1]) "
            + "if old and old ~= '' then redis.call('ZREM', ARGV[1] .. 'principal:' .. old, ARGV[2]) end "
            + "return 1", ScriptOutputType.INTEGER);

    /**
     * The live session keys of a principal, each verified against its hash (the dead ones are
     * removed, the others re-scored). KEYS[1] = the index; ARGV[1] = key prefix.
     */
    static final RedisScript SESSIONS_OF = new RedisScript("sessionsOf", NOW + "local idx, prefix = KEYS[1], ARGV[1] "
            + verify("redis.call('ZRANGE', idx, 0, -1)") + "return live", ScriptOutputType.MULTI);

    /** Deletes every session of a principal and the index. KEYS[1] = the index; ARGV[1] = key prefix. */
    static final RedisScript INVALIDATE_ALL = new RedisScript("invalidateAll", "local members = redis.call('ZRANGE', KEYS[1], 0, -1) "
            + "local n = 0 "
            + "for _, sid in ipairs(members) do n = n + redis.call('DEL', ARGV[1] .. 'session:' .. sid) end "
            + "redis.call('DEL', KEYS[1]) "
            + "return n", ScriptOutputType.INTEGER);

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

    /**
     * Lua checking the index members {@code sids} (a Lua expression) of index {@code idx} against
     * their hashes (key prefix {@code prefix}) at time {@code now}: a member whose hash is gone is
     * removed, the others are re-scored to their real expiry and collected in the table {@code live}.
     */
    private static String verify(String sids) {
        return "local live = {} "
                + "for _, sid in ipairs(" + sids + ") do "
                + "  local left = redis.call('PTTL', prefix .. 'session:' .. sid) "
                + "  if left == -2 then redis.call('ZREM', idx, sid) "
                + "  else redis.call('ZADD', idx, now + left, sid) live[#live + 1] = sid end "
                + "end ";
    }
}
