package org.cacheway.session.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.codec.ValueCodec;
import org.cacheway.cache.compressor.Compressors;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.cache.redis.client.RedisScript;
import org.cacheway.cache.serializer.Serializers;
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
public final class RedisSessionStore implements SessionStore, AutoCloseable {
    /** The default key prefix. */
    public static final String DEFAULT_PREFIX = "cacheway:";
    /** The default principal attribute: the user id Django's login stores. */
    public static final String DEFAULT_PRINCIPAL_ATTRIBUTE = "_auth_user_id";

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);
    private static final String ATTR = "attr:";

    private final StatefulRedisConnection<String, byte[]> connection;
    private final RedisClient ownedClient;
    private final ValueCodec codec;
    private final String prefix;
    private final String principalAttribute;
    private final boolean strictData;

    /** A store on {@code connection} (not closed by this store) with the default prefix and principal attribute. */
    public RedisSessionStore(StatefulRedisConnection<String, byte[]> connection) {
        this(connection, null, DEFAULT_PREFIX, DEFAULT_PRINCIPAL_ATTRIBUTE, false);
    }

    /**
     * A store on {@code connection} (not closed by this store).
     *
     * @param prefix prepended to every Redis key this store writes
     * @param principalAttribute the session attribute naming the principal for the index
     * @param strictData whether undecodable records raise {@link SessionDataException}
     */
    public RedisSessionStore(StatefulRedisConnection<String, byte[]> connection, String prefix,
            String principalAttribute, boolean strictData) {
        this(connection, null, prefix, principalAttribute, strictData);
    }

    /**
     * The store {@code SESSION_ENGINE = "org.cacheway.session.redis.RedisSessionStore"} builds: on
     * the connection of the {@code SESSION_CACHE_ALIAS} cache, which must be a {@link RedisCache}.
     */
    public RedisSessionStore(SessionSettings settings, Caches caches) {
        this(redisConnection(caches.get(settings.cacheAlias()), settings), null, DEFAULT_PREFIX,
                DEFAULT_PRINCIPAL_ATTRIBUTE, settings.strictData());
    }

    private RedisSessionStore(StatefulRedisConnection<String, byte[]> connection, RedisClient ownedClient,
            String prefix, String principalAttribute, boolean strictData) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.ownedClient = ownedClient;
        this.codec = new ValueCodec(Serializers.create("json", Map.of(), "sessions"),
                Compressors.create("identity", Map.of(), "sessions"));
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.principalAttribute = Objects.requireNonNull(principalAttribute, "principalAttribute");
        this.strictData = strictData;
    }

    /** A store with its own client and connection to {@code uri}, both closed by {@link #close()}. */
    public static RedisSessionStore connect(RedisURI uri) {
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, byte[]> connection =
                    client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            return new RedisSessionStore(connection, client, DEFAULT_PREFIX, DEFAULT_PRINCIPAL_ATTRIBUTE, false);
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    private static StatefulRedisConnection<String, byte[]> redisConnection(Cache cache, SessionSettings settings) {
        if (!(cache instanceof RedisCache redis)) {
            throw SessionConfigurationException.of("SESSION_CACHE_ALIAS", settings.cacheAlias(),
                    "RedisSessionStore needs a Redis cache alias, got " + cache.getClass().getName());
        }
        return redis.getRedisConnection();
    }

    private RedisCommands<String, byte[]> redis() {
        return connection.sync();
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
            fields = redis().hgetall(sessionKey(key));
        } catch (RedisException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("WRONGTYPE")) {
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

    private Optional<Map<String, Object>> undecodable(String key, Exception cause) {
        if (strictData) {
            throw new SessionDataException("Session data at '" + sessionKey(key) + "' cannot be decoded", cause);
        }
        LOG.warn("Session data corrupted in Redis; loading an empty session");
        return Optional.empty();
    }

    @Override
    public boolean exists(String key) {
        return redis().exists(sessionKey(key)) == 1;
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
        Long result = eval(script, new String[] {sessionKey(key)},
                args.toArray(new byte[0][]));
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
        eval(SessionScripts.DELETE, new String[] {sessionKey(key)},
                utf8(prefix), utf8(key));
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
        List<byte[]> members = eval(SessionScripts.SESSIONS_OF, new String[] {principalKey(principal)}, utf8(prefix));
        List<String> keys = new ArrayList<>(members.size());
        members.forEach(member -> keys.add(new String(member, StandardCharsets.UTF_8)));
        return keys;
    }

    /** Deletes every session of {@code principal} ("log out everywhere"); returns how many existed. */
    public long invalidateAll(String principal) {
        Long deleted = eval(SessionScripts.INVALIDATE_ALL, new String[] {principalKey(principal)}, utf8(prefix));
        return deleted;
    }

    /** Runs a script by its SHA-1, sending its source when the server does not know it yet. */
    private <T> T eval(RedisScript script, String[] keys, byte[]... args) {
        try {
            return redis().evalsha(script.sha(), script.output(), keys, args);
        } catch (RedisNoScriptException e) {
            return redis().eval(script.source(), script.output(), keys, args);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Closes the client and connection when this store opened them ({@link #connect}); else nothing. */
    @Override
    public void close() {
        if (ownedClient != null) {
            connection.close();
            ownedClient.shutdown();
        }
    }

    @Override
    public String toString() {
        return "RedisSessionStore{prefix=" + prefix + ", principalAttribute=" + principalAttribute + "}";
    }
}
