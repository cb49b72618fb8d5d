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
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.CacheServerException;
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
 * check), a hint for pruning, and its members are candidates: {@link #sessionsOf(String)} checks
 * each against its hash (alive, and still naming the principal) and drops the others, so a
 * deleted session or a changed principal leaves the old entry to that check.
 *
 * <p><b>Index shards, for Redis Cluster and shard clients.</b> Every script is given all the keys
 * it touches, and those keys must be on one server and in one slot. With {@code indexShards}
 * above 1 (the default on a cache whose client spreads keys, {@link #SPREAD_INDEX_SHARDS}), each
 * session belongs to one of that many shards, named by a hash tag: its hash is
 * {@code <prefix>{<tag>}session:<key>} and its index entry is in
 * {@code <prefix>{<tag>}principal:<name>}, so a save touches one slot; the shards' tags hash to
 * slots spread evenly over the 16,384, and {@link #sessionsOf(String)} and
 * {@link #invalidateAll(String)} ask every shard. The layout is part of the stored data: every
 * process sharing the sessions must use the same prefix and shard count.
 *
 * <p>The principal is the value of an attribute, by default Django's {@code _auth_user_id}.
 */
public final class RedisSessionStore implements SessionStore {
    /** The default key prefix. */
    public static final String DEFAULT_PREFIX = "cacheway:";
    /** The default principal attribute: the user id Django's login stores. */
    public static final String DEFAULT_PRINCIPAL_ATTRIBUTE = "_auth_user_id";

    /** The index shards of a store on a cache whose client spreads keys (Redis Cluster, shards). */
    public static final int SPREAD_INDEX_SHARDS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(RedisSessionStore.class);
    private static final String ATTR = "attr:";
    /** Light saves sent again after finding that the session's principal changed meanwhile, at most. */
    private static final int PRINCIPAL_RETRIES = 3;

    private final CacheClient client;
    private final FailOpen failOpen;
    private final ValueCodec codec;
    private final String prefix;
    private final String principalAttribute;
    private final boolean strictData;
    private final SlotTags tags;

    /** A store on {@code cache}'s servers with the default prefix and principal attribute. */
    public RedisSessionStore(RedisCache cache) {
        this(cache, DEFAULT_PREFIX, DEFAULT_PRINCIPAL_ATTRIBUTE, false);
    }

    /**
     * A store on the servers and client layer of {@code cache}: its connections (shared, reconnected
     * by the client), its typed errors and its fail-open policy ({@code IGNORE_EXCEPTIONS}: a load
     * during an outage finds no session, a save or delete is given up), never its key scheme; with
     * {@link #SPREAD_INDEX_SHARDS} index shards when the cache's client spreads keys over servers or
     * cluster slots, else one (the unsharded layout).
     *
     * @param prefix prepended to every Redis key this store writes
     * @param principalAttribute the session attribute naming the principal for the index
     * @param strictData whether undecodable records raise {@link SessionDataException}
     */
    public RedisSessionStore(RedisCache cache, String prefix, String principalAttribute, boolean strictData) {
        this(cache, prefix, principalAttribute, strictData, cache.client().spreadsKeys() ? SPREAD_INDEX_SHARDS : 1);
    }

    /**
     * Like {@link #RedisSessionStore(RedisCache, String, String, boolean)}, with {@code indexShards}
     * shards (1: no hash tags; more: see the class description).
     *
     * @throws SessionConfigurationException when {@code indexShards} is below 1, or above 1 with a
     *     prefix holding a brace (which would be taken for the hash tag)
     */
    public RedisSessionStore(RedisCache cache, String prefix, String principalAttribute, boolean strictData,
            int indexShards) {
        this.client = cache.client();
        this.failOpen = FailOpen.from(cache.settings());
        this.codec = ValueCodec.defaultCodec();
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.principalAttribute = Objects.requireNonNull(principalAttribute, "principalAttribute");
        this.strictData = strictData;
        if (indexShards < 1 || indexShards > 1 && (prefix.contains("{") || prefix.contains("}"))) {
            throw SessionConfigurationException.of("RedisSessionStore indexShards", indexShards,
                    "expected at least 1 shard, and a prefix without braces when sharded (prefix '" + prefix + "')");
        }
        this.tags = SlotTags.of(indexShards);
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

    /** The hash tag of the shard of session {@code key}, braces included; empty when unsharded. */
    private String tag(String key) {
        return tags.tagOf(key);
    }

    /** The Redis key of a session's hash. */
    public String sessionKey(String key) {
        return prefix + tag(key) + "session:" + key;
    }

    /**
     * The Redis key of a principal's index, in the unsharded layout.
     *
     * @throws IllegalStateException when the store has several index shards ({@link #principalKeys})
     */
    public String principalKey(String principal) {
        if (tags.count() > 1) {
            throw new IllegalStateException("the index of a sharded store has one key per shard: use principalKeys");
        }
        return indexKey("", principal);
    }

    /** The Redis keys of a principal's index, one per shard. */
    public List<String> principalKeys(String principal) {
        return tags.all().stream().map(tag -> indexKey(tag, principal)).toList();
    }

    /** The index of {@code principal} in the shard of session {@code key}: the one its entry is in. */
    private String indexKey(String tag, String principal) {
        return prefix + tag + "principal:" + (tags.count() > 1 ? SlotTags.escape(principal) : principal);
    }

    /** The keys of a script on session {@code key}: its hash, then its principal's index when it has one. */
    private String[] keys(String key, String principal) {
        return principal.isEmpty() ? new String[] {sessionKey(key)}
                : new String[] {sessionKey(key), indexKey(tag(key), principal)};
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
    private static boolean isWrongType(CacheException error) {
        return error instanceof CacheServerException server && server.code().equals("WRONGTYPE");
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
        String principal = principalOf(data);
        for (int attempt = 1; attempt <= PRINCIPAL_RETRIES; attempt++) {
            List<Object> reply = run(SessionScripts.UPDATE, keys(key, principal), data, delta.changed(),
                    delta.removed(), ttlMillis(expiryAge), utf8(principal), utf8(key));
            if (status(reply) != 2) {
                return checked(key, reply);
            }
            principal = text(reply.get(1)); // logged in or out elsewhere since the load: that principal's index
        }
        throw new SessionUpdateException(); // its principal kept changing under this save
    }

    /**
     * The {@code SAVE} script: the session in full, listed in its principal's index; the entries of
     * that index whose score passed, which the script returns, are checked against their hashes.
     */
    private String saveInFull(String key, Map<String, Object> data, String mode, Iterable<String> changed,
            Iterable<String> removed, long expiryAge) {
        String principal = principalOf(data);
        List<Object> reply = run(SessionScripts.SAVE, keys(key, principal), data, changed, removed, utf8(mode),
                ttlMillis(expiryAge), utf8(principal), utf8(key));
        if (reply.size() > 1) {
            List<String> passed = reply.subList(1, reply.size()).stream().map(RedisSessionStore::text).toList();
            Stages.await(verify(tag(key), principal, passed).exceptionally(pruningFailed -> List.of()));
        }
        return checked(key, reply);
    }

    private String principalOf(Map<String, Object> data) {
        Object principal = data.get(principalAttribute);
        return principal == null ? "" : principal.toString();
    }

    private static byte[] ttlMillis(long expiryAge) {
        return utf8(Long.toString(Math.multiplyExact(Math.max(expiryAge, 0), 1000L)));
    }

    /**
     * Runs a save script on {@code keys} with the arguments {@code head} followed by the attribute
     * writes: the number of fields to set, the field/value pairs, then the fields to delete.
     */
    private List<Object> run(RedisScript script, String[] keys, Map<String, Object> data, Iterable<String> changed,
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
        return await(client.<List<Object>>eval(script, keys, args.toArray(new byte[0][])), () -> List.of(1L));
    }

    private static long status(List<Object> reply) {
        return (Long) reply.get(0);
    }

    /** {@code key}, or the error a save script's status reports: 0 create found the key, -1 the session is gone. */
    private static String checked(String key, List<Object> reply) {
        long status = status(reply);
        if (status == 0) {
            throw new SessionCreateException(key);
        }
        if (status < 0) {
            throw new SessionUpdateException();
        }
        return key;
    }

    /** Deletes the session's hash; its index entry is left to the next check of the index. */
    @Override
    public void delete(String key) {
        await(client.delete(sessionKey(key)), () -> false);
    }

    /** Nothing to do: Redis expires the hashes, and the index's readers and writers prune its entries. */
    @Override
    public void clearExpired() {
        // Redis expires records itself.
    }

    /**
     * The keys of the live sessions of {@code principal}: each index entry (in every shard) is
     * checked against its hash, and the entries of sessions that expired, were deleted or now name
     * another principal are removed.
     */
    public List<String> sessionsOf(String principal) {
        return Stages.await(eachShard(principal, (tag, members) -> verify(tag, principal, members)).thenApply(
                lists -> lists.stream().flatMap(List::stream).toList()));
    }

    /** Deletes every session of {@code principal} ("log out everywhere"); returns how many existed. */
    public long invalidateAll(String principal) {
        return Stages.await(eachShard(principal, (tag, members) -> client.<Long>eval(SessionScripts.INVALIDATE,
                checkKeys(tag, principal, members), checkArgs(principal, members)))
                .thenApply(counts -> counts.stream().mapToLong(Long::longValue).sum()));
    }

    /** Checks {@code members} of the principal's index in shard {@code tag}; the live ones. */
    private CompletableFuture<List<String>> verify(String tag, String principal, List<String> members) {
        return client.<List<Object>>eval(SessionScripts.VERIFY, checkKeys(tag, principal, members),
                checkArgs(principal, members)).thenApply(live -> live.stream().map(RedisSessionStore::text).toList());
    }

    /**
     * Reads the index of {@code principal} in every shard at once and runs {@code check} on the
     * members of each non-empty one; the results in shard order.
     */
    private <T> CompletableFuture<List<T>> eachShard(String principal,
            BiFunction<String, List<String>, CompletableFuture<T>> check) {
        List<CompletableFuture<T>> shards = new ArrayList<>();
        for (String tag : tags.all()) {
            shards.add(client.<List<Object>>eval(SessionScripts.MEMBERS, new String[] {indexKey(tag, principal)})
                    .thenCompose(members -> members.isEmpty() ? CompletableFuture.completedFuture(null)
                            : check.apply(tag, members.stream().map(RedisSessionStore::text).toList())));
        }
        return CompletableFuture.allOf(shards.toArray(new CompletableFuture<?>[0])).thenApply(done -> shards.stream()
                .map(CompletableFuture::join).filter(Objects::nonNull).toList());
    }

    /** The keys of a check of index members: the index, then each member's hash. */
    private String[] checkKeys(String tag, String principal, List<String> members) {
        String[] keys = new String[members.size() + 1];
        keys[0] = indexKey(tag, principal);
        for (int i = 0; i < members.size(); i++) {
            keys[i + 1] = sessionKey(members.get(i));
        }
        return keys;
    }

    /** The arguments of a check of index members: the principal, then each member. */
    private static byte[][] checkArgs(String principal, List<String> members) {
        byte[][] args = new byte[members.size() + 1][];
        args[0] = utf8(principal);
        for (int i = 0; i < members.size(); i++) {
            args[i + 1] = utf8(members.get(i));
        }
        return args;
    }

    private static String text(Object reply) {
        return new String((byte[]) reply, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RedisSessionStore{prefix=" + prefix + ", principalAttribute=" + principalAttribute + ", indexShards="
                + tags.count() + "}";
    }
}
