package org.cacheway.session.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.base.FailOpen;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.codec.ValueCodec;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.cache.redis.client.CacheClient;
import org.cacheway.cache.redis.client.RedisScript;
import org.cacheway.session.JsonModel;
import org.cacheway.session.SessionConfigurationException;
import org.cacheway.session.SessionCreateException;
import org.cacheway.session.SessionDataException;
import org.cacheway.session.SessionDelta;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.SessionStore;
import org.cacheway.session.SessionUpdateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dedicated Redis session store: one hash per session ({@code <prefix>session:<key>}, a field
 * {@code attr:<name>} per attribute holding the cache's JSON encoding, plus {@code meta:} fields),
 * saves that send only the attributes changed since the load (HSET/HDEL in one Lua script, one
 * round trip), the expiry age as the hash's TTL, atomic create, and an index by principal
 * ({@code <prefix>principal:<name>}, a sorted set of session keys) for {@link #sessionsOf(String)}
 * and "log out everywhere" ({@link #invalidateAll(String)}).
 *
 * <p>A save that leaves the principal attribute alone (the common case) only refreshes the TTLs of
 * the hash and the index and writes the changed fields. The index's scores are therefore the
 * sessions' expiry as of the last index write (creation, replacement, principal change, or a
 * check), a hint for pruning; {@link #sessionsOf(String)} checks every entry against its hash.
 *
 * <p>The principal is the value of an attribute, by default Django's {@code _auth_user_id}.
 * Scripts touch keys they compute, so the store suits standalone and sentinel Redis, not Cluster.
 */
public final class RedisSessionStore implements SessionStore {
    /** The default key prefix. */
    public static final String DEFAULT_PREFIX = "cacheway:";
    /** The default principal attribute: the user id Django's login stores. */
    public static final String DEFAULT_PRINCIPAL_ATTRIBUTE = "_auth_user_id";

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);
    private static final String ATTR = "attr:";

    private final CacheClient client;
    private final FailOpen failOpen;
    private final ValueCodec codec;
    private final String prefix;
    private final String principalAttribute;
    private final boolean strictData;

    /** A store on {@code cache}'s servers with the default prefix and principal attribute. */
    public RedisSessionStore(RedisCache cache) {
        this(cache, DEFAULT_PREFIX, DEFAULT_PRINCIPAL_ATTRIBUTE, false);
    }

    /**
     * A store on the servers and client layer of {@code cache}: its connections (shared, reconnected
     * by the client), its typed errors and its fail-open policy ({@code IGNORE_EXCEPTIONS}: a load
     * during an outage finds no session, a save or delete is given up), never its key scheme.
     *
     * @param prefix prepended to every Redis key this store writes
     * @param principalAttribute the session attribute naming the principal for the index
     * @param strictData whether undecodable records raise {@link SessionDataException}
     */
    public RedisSessionStore(RedisCache cache, String prefix, String principalAttribute, boolean strictData) {
        this.client = cache.client();
        this.failOpen = FailOpen.from(cache.settings());
        this.codec = ValueCodec.defaultCodec();
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.principalAttribute = Objects.requireNonNull(principalAttribute, "principalAttribute");
        this.strictData = strictData;
    }

    /**
     * The store {@code SESSION_ENGINE = "org.cacheway.session.redis.RedisSessionStore"} builds: on
     * the {@code SESSION_CACHE_ALIAS} cache, which must be a {@link RedisCache}.
     */
    public RedisSessionStore(SessionSettings settings, Caches caches) {
        this(redisCache(caches.get(settings.cacheAlias()), settings), DEFAULT_PREFIX, DEFAULT_PRINCIPAL_ATTRIBUTE,
                settings.strictData());
    }

    private static RedisCache redisCache(Cache cache, SessionSettings settings) {
        if (!(cache instanceof RedisCache redis)) {
            throw SessionConfigurationException.of("SESSION_CACHE_ALIAS", settings.cacheAlias(),
                    "RedisSessionStore needs a Redis cache alias, got " + cache.getClass().getName());
        }
        return redis;
    }

    /** Waits for a command of the client layer, answering {@code fallback} for an outage survived by fail-open. */
    private <T> T await(CompletableFuture<T> command, Supplier<T> fallback) {
        return Stages.await(failOpen.recover(command, fallback));
    }

    /** The Redis key of a session's hash. */
    public String sessionKey(String key) {
        return prefix + "session:" + key;
    }

    /** The Redis key of a principal's index. */
    public String principalKey(String principal) {
        return prefix + "principal:" + principal;
    }

    @Override
    public Optional<Map<String, Object>> load(String key) {
        Map<String, byte[]> fields;
        try {
            fields = await(client.hashGetAll(sessionKey(key)), Map::of);
        } catch (CacheException e) {
            if (isWrongType(e)) {
                return undecodable(key, e);
            }
            throw e;
        }
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        try {
            fields.forEach((field, value) -> {
                if (field.startsWith(ATTR)) {
                    data.put(field.substring(ATTR.length()), JsonModel.normalize(codec.decode(value)));
                }
            });
        } catch (CacheException e) {
            return undecodable(key, e);
        }
        return Optional.of(data);
    }

    /** Whether Redis refused the command because the key holds another type (a value not written by this store). */
    private static boolean isWrongType(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("WRONGTYPE")) {
                return true;
            }
        }
        return false;
    }

    private Optional<Map<String, Object>> undecodable(String key, Exception cause) {
        if (strictData) {
            throw new SessionDataException("Session data at '" + sessionKey(key) + "' cannot be decoded", cause);
        }
        LOG.warn("Session data corrupted in Redis; loading an empty session");
        return Optional.empty();
    }

    @Override
    public boolean exists(String key) {
        return await(client.exists(sessionKey(key)), () -> false);
    }

    @Override
    public String save(String key, Map<String, Object> data, long expiryAge, boolean mustCreate) {
        return saveInFull(key, data, mustCreate ? "create" : "replace", data.keySet(), List.of(), expiryAge);
    }

    /**
     * Sends only the changed and removed attributes (everything after a {@code clear()}). When the
     * principal attribute is untouched and the session stays alive, the lighter {@code UPDATE}
     * script runs: it refreshes the TTLs but rewrites neither {@code meta:principal} nor the index.
     */
    @Override
    public String save(String key, Map<String, Object> data, SessionDelta delta, long expiryAge) {
        if (delta.replaced()) {
            return saveInFull(key, data, "replace", data.keySet(), List.of(), expiryAge);
        }
        if (delta.changed().contains(principalAttribute) || delta.removed().contains(principalAttribute)
                || expiryAge <= 0) {
            return saveInFull(key, data, "update", delta.changed(), delta.removed(), expiryAge);
        }
        return run(SessionScripts.UPDATE, key, data, delta.changed(), delta.removed(),
                ttlMillis(expiryAge), utf8(prefix), utf8(key));
    }

    private String saveInFull(String key, Map<String, Object> data, String mode, Iterable<String> changed,
            Iterable<String> removed, long expiryAge) {
        Object principal = data.get(principalAttribute);
        return run(SessionScripts.SAVE, key, data, changed, removed, utf8(mode), ttlMillis(expiryAge),
                utf8(principal == null ? "" : principal.toString()), utf8(prefix), utf8(key));
    }

    private static byte[] ttlMillis(long expiryAge) {
        return utf8(Long.toString(Math.multiplyExact(Math.max(expiryAge, 0), 1000L)));
    }

    /**
     * Runs a save script with the arguments {@code head} followed by the attribute writes: the
     * number of fields to set, the field/value pairs, then the fields to delete.
     */
    private String run(RedisScript script, String key, Map<String, Object> data, Iterable<String> changed,
            Iterable<String> removed, byte[]... head) {
        List<byte[]> args = new ArrayList<>(Arrays.asList(head));
        List<byte[]> pairs = new ArrayList<>();
        for (String name : changed) {
            pairs.add(utf8(ATTR + name));
            pairs.add(codec.encode(data.get(name)));
        }
        args.add(utf8(Integer.toString(pairs.size() / 2)));
        args.addAll(pairs);
        removed.forEach(name -> args.add(utf8(ATTR + name)));
        Long result = await(client.<Long>eval(script, new String[] {sessionKey(key)}, args.toArray(new byte[0][])),
                () -> 1L);
        if (result == 0) {
            throw new SessionCreateException(key);
        }
        if (result < 0) {
            throw new SessionUpdateException();
        }
        return key;
    }

    @Override
    public void delete(String key) {
        await(client.eval(SessionScripts.DELETE, new String[] {sessionKey(key)}, utf8(prefix), utf8(key)), () -> null);
    }

    /** Nothing to do: Redis expires the hashes, and the index's readers and writers prune its entries. */
    @Override
    public void clearExpired() {
        // Redis expires records itself.
    }

    /**
     * The keys of the live sessions of {@code principal}: each index entry is checked against its
     * hash, and the entries of sessions that expired or were deleted are removed.
     */
    public List<String> sessionsOf(String principal) {
        List<byte[]> members = Stages.await(client.eval(SessionScripts.SESSIONS_OF,
                new String[] {principalKey(principal)}, utf8(prefix)));
        List<String> keys = new ArrayList<>(members.size());
        members.forEach(member -> keys.add(new String(member, StandardCharsets.UTF_8)));
        return keys;
    }

    /** Deletes every session of {@code principal} ("log out everywhere"); returns how many existed. */
    public long invalidateAll(String principal) {
        Long deleted = Stages.await(client.eval(SessionScripts.INVALIDATE_ALL, new String[] {principalKey(principal)},
                utf8(prefix)));
        return deleted;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RedisSessionStore{prefix=" + prefix + ", principalAttribute=" + principalAttribute + "}";
    }
}
