package org.cacheway.session.redis;

import io.lettuce.core.ScriptOutputType;
import org.cacheway.cache.redis.client.RedisScript;

/**
 * The Lua scripts behind {@link RedisSessionStore}: each operation is one round trip and atomic,
 * sent by SHA-1 ({@code EVALSHA}) so the save scripts are not resent and rehashed per save.
 * Times come from the server ({@code TIME}), so index scores never depend on client clocks. Every
 * script touches only the keys it is given ({@code KEYS}), all in one hash slot: a session's hash
 * and the principal index it is listed in share a hash tag (see {@link RedisSessionStore}), so the
 * scripts run on Redis Cluster too.
 *
 * <p>The principal index is a sorted set of session keys whose scores are only pruning hints: the
 * session's expiry as of the last index write, which {@link #UPDATE} does not redo. Its members
 * are candidates: a member is trusted only once {@link #VERIFY} found its hash alive and still
 * naming the principal, and is dropped otherwise. So no script has to find the index of a
 * principal a session no longer has: a changed principal, a deleted session, an expired one leave
 * a stale member behind, which the next check of the index removes.
 */
final class SessionScripts {
    private SessionScripts() {
    }

    /** Server time in milliseconds. */
    private static final String NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) ";

    /**
     * Saves a session in full and lists it in its principal's index: creates, replaces, or updates
     * one whose principal attribute changed (or whose expiry age is zero or less, which deletes it
     * and its entry). KEYS[1] = the hash, KEYS[2] = the index of the principal (absent when there
     * is none). ARGV: mode (create|update|replace), ttl ms, principal ('' = none), session key,
     * then the attribute writes (see {@link #fields}). Returns {1, members whose score passed...}
     * on success (candidates for the caller to {@link #VERIFY}), {0} when create found the key,
     * {-1} when update or replace found none.
     */
    static final RedisScript SAVE = new RedisScript("save", NOW
            + "local h, idx = KEYS[1], KEYS[2] "
            + "local mode, ttl, principal, sid = ARGV[1], tonumber(ARGV[2]), ARGV[3], ARGV[4] "
            + "local exists = redis.call('EXISTS', h) == 1 "
            + "if mode == 'create' then if exists then return {0} end elseif not exists then return {-1} end "
            + "if mode == 'replace' then "
            + "  local attrs = {} "
            + "  for _, f in ipairs(redis.call('HKEYS', h)) do "
            + "    if string.sub(f, 1, 5) == 'attr:' then attrs[#attrs + 1] = f end end "
            + "  " + batch("HDEL", "attrs", "1", "#attrs") + "end "
            + fields(5)
            + "if mode == 'create' then redis.call('HSET', h, 'meta:principal', principal, 'meta:created', now) "
            + "else redis.call('HSET', h, 'meta:principal', principal) end "
            + "if ttl > 0 then redis.call('PEXPIRE', h, ttl) else redis.call('DEL', h) end "
            + "local reply = {1} "
            + "if idx then "
            + "  if ttl > 0 then "
            + "    redis.call('ZADD', idx, now + ttl, sid) "
            + "    for _, passed in ipairs(redis.call('ZRANGEBYSCORE', idx, '-inf', '(' .. now)) do "
            + "      reply[#reply + 1] = passed end "
            + "    if redis.call('PTTL', idx) < ttl then redis.call('PEXPIRE', idx, ttl) end "
            + "  else redis.call('ZREM', idx, sid) end "
            + "end "
            + "return reply", ScriptOutputType.MULTI);

    /**
     * Updates an existing session whose principal did not change, the common save: refreshes the
     * hash's TTL (its reply is the existence check), writes the changed fields, and keeps the
     * principal's index alive at least as long as the session, re-adding the member with score 0
     * ("verify me") should the index have vanished. No index scores are rewritten. The caller names
     * the principal it loaded; when the hash names another (a login elsewhere since), nothing but
     * the TTL is written and the stored principal is returned, so that the caller runs the script
     * again with that principal's index. KEYS[1] = the hash, KEYS[2] = the index of the principal
     * (absent when there is none). ARGV: ttl ms (positive), principal ('' = none), session key,
     * then the attribute writes (see {@link #fields}). Returns {1} on success, {-1} when the hash is
     * gone (it is not recreated), {2, stored principal} when the principal differs.
     */
    static final RedisScript UPDATE = new RedisScript("update", "local h, idx, ttl = KEYS[1], KEYS[2], tonumber(ARGV[1]) "
            + "if redis.call('PEXPIRE', h, ttl) == 0 then return {-1} end "
            + "local stored = redis.call('HGET', h, 'meta:principal') or '' "
            + "if stored ~= ARGV[2] then return {2, stored} end "
            + fields(4)
            + "if idx then "
            + "  local left = redis.call('PTTL', idx) "
            + "  if left == -2 then redis.call('ZADD', idx, 0, ARGV[3]) end "
            + "  if left < ttl then redis.call('PEXPIRE', idx, ttl) end "
            + "end "
            + "return {1}", ScriptOutputType.MULTI);

    /** The members of an index (candidates, to {@link #VERIFY}). KEYS[1] = the index. */
    static final RedisScript MEMBERS = new RedisScript("sessionsOf", "return redis.call('ZRANGE', KEYS[1], 0, -1)",
            ScriptOutputType.MULTI);

    /**
     * Checks index members against their hashes: a member whose hash is gone or names another
     * principal is removed, the others are re-scored to their real expiry and returned. KEYS[1] =
     * the index, KEYS[2..] = the members' hashes; ARGV[1] = the principal, ARGV[2..] = the members.
     */
    static final RedisScript VERIFY = new RedisScript("sessionsOf", NOW + "local live = {} "
            + "for i = 2, #KEYS do "
            + "  local left = redis.call('PTTL', KEYS[i]) "
            + "  if left == -2 or redis.call('HGET', KEYS[i], 'meta:principal') ~= ARGV[1] then "
            + "    redis.call('ZREM', KEYS[1], ARGV[i]) "
            + "  else redis.call('ZADD', KEYS[1], now + left, ARGV[i]) live[#live + 1] = ARGV[i] end "
            + "end "
            + "return live", ScriptOutputType.MULTI);

    /**
     * Deletes the sessions of index members that still name the principal, and removes every
     * given member from the index. KEYS[1] = the index, KEYS[2..] = the members' hashes; ARGV[1] =
     * the principal, ARGV[2..] = the members. Returns how many sessions were deleted.
     */
    static final RedisScript INVALIDATE = new RedisScript("invalidateAll", "local n = 0 "
            + "for i = 2, #KEYS do "
            + "  if redis.call('HGET', KEYS[i], 'meta:principal') == ARGV[1] then n = n + redis.call('DEL', KEYS[i]) end "
            + "  redis.call('ZREM', KEYS[1], ARGV[i]) "
            + "end "
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
}
