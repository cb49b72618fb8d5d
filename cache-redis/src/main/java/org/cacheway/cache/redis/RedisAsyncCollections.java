package org.cacheway.cache.redis;

import static io.lettuce.core.ScriptOutputType.INTEGER;
import static io.lettuce.core.ScriptOutputType.MULTI;
import static io.lettuce.core.ScriptOutputType.VALUE;
import static org.cacheway.cache.redis.internal.CommandScripts.reading;
import static org.cacheway.cache.redis.internal.CommandScripts.writing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.compressor.IdentityCompressor;
import org.cacheway.cache.redis.client.RedisScript;
import org.cacheway.cache.redis.internal.Digits;

/**
 * django-redis 6's hash and set operations on {@link RedisCache}, each written once over the
 * client's futures ({@link RedisCache}'s synchronous methods wait for these). As django-redis: a
 * hash's name is used as it is and its fields are made keys (this view's version); a set's key is
 * a made key; members and field values go through the cache's serializer and compressor. With
 * {@code IGNORE_EXCEPTIONS} a survived connection error answers 0, false, null or empty. Argument
 * errors complete the future exceptionally rather than throwing.
 */
public final class RedisAsyncCollections {
    private static final RedisScript HSET = writing("HSET", INTEGER);
    private static final RedisScript HDEL = writing("HDEL", INTEGER);
    private static final RedisScript HLEN = reading("HLEN", INTEGER);
    private static final RedisScript HKEYS = reading("HKEYS", MULTI);
    private static final RedisScript HEXISTS = reading("HEXISTS", INTEGER);
    private static final RedisScript HGET = reading("HGET", VALUE);
    private static final RedisScript SADD = writing("SADD", INTEGER);
    private static final RedisScript SREM = writing("SREM", INTEGER);
    private static final RedisScript SCARD = reading("SCARD", INTEGER);
    private static final RedisScript SISMEMBER = reading("SISMEMBER", INTEGER);
    private static final RedisScript SMISMEMBER = reading("SMISMEMBER", MULTI);
    private static final RedisScript SMEMBERS = reading("SMEMBERS", MULTI);
    private static final RedisScript SPOP_ONE = writing("SPOP", VALUE);
    private static final RedisScript SPOP = writing("SPOP", MULTI);
    private static final RedisScript SRANDMEMBER_ONE = reading("SRANDMEMBER", VALUE);
    private static final RedisScript SRANDMEMBER = reading("SRANDMEMBER", MULTI);
    private static final RedisScript SMOVE = writing("SMOVE", INTEGER);
    private static final RedisScript SDIFF = reading("SDIFF", MULTI);
    private static final RedisScript SINTER = reading("SINTER", MULTI);
    private static final RedisScript SUNION = reading("SUNION", MULTI);
    private static final RedisScript SDIFFSTORE = writing("SDIFFSTORE", INTEGER);
    private static final RedisScript SINTERSTORE = writing("SINTERSTORE", INTEGER);
    private static final RedisScript SUNIONSTORE = writing("SUNIONSTORE", INTEGER);
    private static final RedisScript SSCAN = reading("SSCAN", MULTI);
    static final byte[] FIRST_CURSOR = {'0'};

    private final RedisCache cache;

    RedisAsyncCollections(RedisCache cache) {
        this.cache = cache;
    }

    // ---- hashes ------------------------------------------------------------------------------

    /** {@code HSET name made(key) encoded(value)}: how many fields were added (0 when one was replaced). */
    public CompletableFuture<Long> hset(String name, String key, Object value) {
        return run(HSET, () -> names(name), () -> args(field(key), cache.codec().encode(value)), Long.class::cast,
                () -> 0L);
    }

    /** {@code HDEL name made(key)}: how many fields were removed (0 or 1). */
    public CompletableFuture<Long> hdel(String name, String key) {
        return run(HDEL, () -> names(name), () -> args(field(key)), Long.class::cast, () -> 0L);
    }

    /** {@code HLEN name}: how many fields the hash has (0 when missing). */
    public CompletableFuture<Long> hlen(String name) {
        return run(HLEN, () -> names(name), () -> args(), Long.class::cast, () -> 0L);
    }

    /** {@code HKEYS name}: the user keys of the hash's fields (the key function reversed), empty when missing. */
    public CompletableFuture<List<String>> hkeys(String name) {
        return run(HKEYS, () -> names(name), () -> args(), reply -> ((List<?>) reply).stream()
                .map(field -> cache.settings().keyFunction().reverseKey(
                        new String((byte[]) field, StandardCharsets.UTF_8))).toList(), List::of);
    }

    /** {@code HEXISTS name made(key)}: whether the hash has the field. */
    public CompletableFuture<Boolean> hexists(String name, String key) {
        return run(HEXISTS, () -> names(name), () -> args(field(key)), RedisAsyncCollections::isOne, () -> false);
    }

    /** {@code HGET name made(key)}: the field's decoded value, null when missing (not in django-redis 6). */
    public CompletableFuture<Object> hget(String name, String key) {
        return run(HGET, () -> names(name), () -> args(field(key)), this::decodeOrNull, () -> null);
    }

    // ---- sets --------------------------------------------------------------------------------

    /** {@code SADD}: how many of the members were new. */
    public CompletableFuture<Long> sadd(String key, Object... members) {
        return run(SADD, () -> keys(key), () -> members("sadd", members), Long.class::cast, () -> 0L);
    }

    /** {@code SREM}: how many of the members were there. */
    public CompletableFuture<Long> srem(String key, Object... members) {
        return run(SREM, () -> keys(key), () -> members("srem", members), Long.class::cast, () -> 0L);
    }

    /** {@code SCARD}: how many members the set has (0 when missing). */
    public CompletableFuture<Long> scard(String key) {
        return run(SCARD, () -> keys(key), () -> args(), Long.class::cast, () -> 0L);
    }

    /** {@code SISMEMBER}: whether {@code member} is in the set. */
    public CompletableFuture<Boolean> sismember(String key, Object member) {
        return run(SISMEMBER, () -> keys(key), () -> args(cache.codec().encode(member)), RedisAsyncCollections::isOne,
                () -> false);
    }

    /** {@code SMISMEMBER}: for each member in order, whether it is in the set. */
    public CompletableFuture<List<Boolean>> smismember(String key, Object... members) {
        return run(SMISMEMBER, () -> keys(key), () -> members("smismember", members),
                reply -> ((List<?>) reply).stream().map(RedisAsyncCollections::isOne).toList(), List::of);
    }

    /** {@code SMEMBERS}: the decoded members, empty when missing. */
    public CompletableFuture<Set<Object>> smembers(String key) {
        return run(SMEMBERS, () -> keys(key), () -> args(), this::decodedSet, Set::of);
    }

    /** {@code SPOP key}: one removed member, decoded, or null when the set is empty. */
    public CompletableFuture<Object> spop(String key) {
        return run(SPOP_ONE, () -> keys(key), () -> args(), this::decodeOrNull, () -> null);
    }

    /** {@code SPOP key count}: up to {@code count} removed members, decoded. */
    public CompletableFuture<Set<Object>> spop(String key, int count) {
        return run(SPOP, () -> keys(key), () -> args(Digits.of(atLeast("spop", "count", count, 0))),
                this::decodedSet, Set::of);
    }

    /** {@code SRANDMEMBER key}: one member, decoded and left in place, or null when the set is empty. */
    public CompletableFuture<Object> srandmember(String key) {
        return run(SRANDMEMBER_ONE, () -> keys(key), () -> args(), this::decodeOrNull, () -> null);
    }

    /**
     * {@code SRANDMEMBER key count}: up to {@code count} distinct members, or for a negative count
     * exactly {@code -count} members that may repeat; decoded, left in place.
     */
    public CompletableFuture<List<Object>> srandmember(String key, int count) {
        return run(SRANDMEMBER, () -> keys(key), () -> args(Digits.of(count)), this::decodedList, List::of);
    }

    /** {@code SMOVE}: moves {@code member} from {@code source} to {@code destination}; whether it was in the source. */
    public CompletableFuture<Boolean> smove(String source, String destination, Object member) {
        return run(SMOVE, () -> keys(source, destination), () -> args(cache.codec().encode(member)),
                RedisAsyncCollections::isOne, () -> false);
    }

    /** {@code SDIFF}: the members of the first set in none of the others, decoded. */
    public CompletableFuture<Set<Object>> sdiff(String... keys) {
        return run(SDIFF, () -> keys("sdiff", keys), () -> args(), this::decodedSet, Set::of);
    }

    /** {@code SINTER}: the members in every set, decoded. */
    public CompletableFuture<Set<Object>> sinter(String... keys) {
        return run(SINTER, () -> keys("sinter", keys), () -> args(), this::decodedSet, Set::of);
    }

    /** {@code SUNION}: the members in any set, decoded. */
    public CompletableFuture<Set<Object>> sunion(String... keys) {
        return run(SUNION, () -> keys("sunion", keys), () -> args(), this::decodedSet, Set::of);
    }

    /** {@code SDIFFSTORE}: stores {@link #sdiff} at {@code destination}; the size of the result. */
    public CompletableFuture<Long> sdiffstore(String destination, String... keys) {
        return sdiffstore(destination, cache.version(), cache.version(), keys);
    }

    /**
     * {@code SDIFFSTORE} with django-redis 6's per-key versions: {@code destination} made at
     * {@code versionDestination}, the source keys at {@code versionKeys}.
     */
    public CompletableFuture<Long> sdiffstore(String destination, int versionDestination, int versionKeys,
            String... keys) {
        return run(SDIFFSTORE, () -> stored("sdiffstore", cache.madeKey(destination, versionDestination),
                versionKeys, keys), () -> args(), Long.class::cast, () -> 0L);
    }

    /** {@code SINTERSTORE}: stores {@link #sinter} at {@code destination}; the size of the result. */
    public CompletableFuture<Long> sinterstore(String destination, String... keys) {
        return run(SINTERSTORE, () -> stored("sinterstore", cache.makeKey(destination), cache.version(), keys),
                () -> args(), Long.class::cast, () -> 0L);
    }

    /** {@code SUNIONSTORE}: stores {@link #sunion} at {@code destination}; the size of the result. */
    public CompletableFuture<Long> sunionstore(String destination, String... keys) {
        return run(SUNIONSTORE, () -> stored("sunionstore", cache.makeKey(destination), cache.version(), keys),
                () -> args(), Long.class::cast, () -> 0L);
    }

    /**
     * django-redis's {@code sscan}: the decoded members of ONE {@code SSCAN} page (the first, with
     * {@code COUNT count}), matching {@code match} (null for all) as the serializer writes it.
     */
    public CompletableFuture<Set<Object>> sscan(String key, String match, int count) {
        return Stages.guard(() -> page(cache.makeKey(key), scanMatch(match), count, FIRST_CURSOR))
                .thenApply(page -> (Set<Object>) new LinkedHashSet<>(page.members()));
    }

    /** {@code sscan_iter} collected: every member matching {@code match}, over all {@code SSCAN} pages. */
    public CompletableFuture<Set<Object>> sscanAll(String key, String match, int count) {
        return Stages.guard(() -> collect(cache.makeKey(key), scanMatch(match), count, FIRST_CURSOR,
                new LinkedHashSet<>()));
    }

    /** One page of members and the cursor of the next (finished when it is {@code "0"}). */
    record MemberPage(List<Object> members, byte[] cursor) {
        boolean finished() {
            return cursor.length == 1 && cursor[0] == '0';
        }
    }

    /** One {@code SSCAN key cursor [MATCH match] COUNT count} page of the made key. */
    CompletableFuture<MemberPage> page(String madeKey, byte[] match, int count, byte[] cursor) {
        return Stages.guard(() -> {
            byte[] counted = Digits.of(atLeast("sscan", "count", count, 1));
            byte[][] args = match == null ? args(cursor, ascii("COUNT"), counted)
                    : args(cursor, ascii("MATCH"), match, ascii("COUNT"), counted);
            return run(SSCAN, () -> new String[] {madeKey}, () -> args, reply -> {
                List<?> parts = (List<?>) reply;
                return new MemberPage(decodedList(parts.get(1)), (byte[]) parts.get(0));
            }, () -> new MemberPage(List.of(), FIRST_CURSOR));
        });
    }

    /** The pattern bytes of {@code match} (null for none): serialized as members are, as django-redis. */
    byte[] scanMatch(String match) {
        if (match == null) {
            return null;
        }
        if (!(cache.codec().compressor() instanceof IdentityCompressor)) {
            throw new IllegalArgumentException("sscan: a match pattern cannot be used with compression "
                    + "(compressed members have no pattern), as django-redis");
        }
        return cache.codec().encode(match);
    }

    private CompletableFuture<Set<Object>> collect(String madeKey, byte[] match, int count, byte[] cursor,
            Set<Object> found) {
        return page(madeKey, match, count, cursor).thenCompose(page -> {
            found.addAll(page.members());
            return page.finished() ? CompletableFuture.completedFuture(found)
                    : collect(madeKey, match, count, page.cursor(), found);
        });
    }

    // ---- the one call path -------------------------------------------------------------------

    /** Makes keys and arguments (their errors fail the future), runs the script, converts, fails open. */
    private <T> CompletableFuture<T> run(RedisScript script, Supplier<String[]> keys, Supplier<byte[][]> args,
            Function<Object, T> reply, Supplier<T> fallback) {
        return Stages.guard(() -> {
            CompletableFuture<T> stage = cache.client().<Object>eval(script, keys.get(), args.get()).thenApply(reply);
            return cache.failOpenPolicy().recover(stage, fallback);
        });
    }

    private String[] names(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a hash name must not be null");
        }
        return new String[] {name};
    }

    private byte[] field(String key) {
        return cache.makeKey(key).getBytes(StandardCharsets.UTF_8);
    }

    private String[] keys(String... keys) {
        String[] made = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            made[i] = cache.makeKey(keys[i]);
        }
        return made;
    }

    private String[] keys(String operation, String[] keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException(operation + " needs at least one key");
        }
        return keys(keys);
    }

    private String[] stored(String operation, String madeDestination, int version, String[] keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException(operation + " needs at least one source key");
        }
        String[] made = new String[keys.length + 1];
        made[0] = madeDestination;
        for (int i = 0; i < keys.length; i++) {
            made[i + 1] = cache.madeKey(keys[i], version);
        }
        return made;
    }

    private byte[][] members(String operation, Object[] members) {
        if (members.length == 0) {
            throw new IllegalArgumentException(operation + " needs at least one member");
        }
        byte[][] encoded = new byte[members.length][];
        for (int i = 0; i < members.length; i++) {
            encoded[i] = cache.codec().encode(members[i]);
        }
        return encoded;
    }

    private static byte[][] args(byte[]... args) {
        return args;
    }

    private static byte[] ascii(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }

    private static int atLeast(String operation, String name, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(operation + ": " + name + " must be at least " + minimum + ", not "
                    + value);
        }
        return value;
    }

    private static Boolean isOne(Object reply) {
        return reply != null && (Long) reply == 1L;
    }

    private Object decodeOrNull(Object reply) {
        return reply == null ? null : cache.codec().decode((byte[]) reply);
    }

    private List<Object> decodedList(Object reply) {
        List<Object> decoded = new ArrayList<>();
        for (Object member : (List<?>) reply) {
            decoded.add(cache.codec().decode((byte[]) member));
        }
        return decoded;
    }

    private Set<Object> decodedSet(Object reply) {
        return new LinkedHashSet<>(decodedList(reply));
    }
}
