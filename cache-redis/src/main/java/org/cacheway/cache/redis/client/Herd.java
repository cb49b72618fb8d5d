package org.cacheway.cache.redis.client;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cacheway.cache.CacheOption;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.SetCondition;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.redis.internal.Digits;
import org.cacheway.cache.redis.internal.HerdFormat;

/**
 * Stampede protection ({@code OPTIONS['HERD_TIMEOUT']}, or {@code CLIENT_CLASS = HerdClient}),
 * around any client class, with Cacheway's own {@link HerdFormat} (django-redis's herd format is
 * pickle-only). A value set with a finite timeout is stored with a soft expiry at
 * {@code now + timeout} and a real Redis TTL of {@code timeout + HERD_TIMEOUT}. Once the soft
 * expiry has passed, the first reader to take the refresh claim ({@code <key>:herd-claim}, held
 * {@code HERD_CLAIM_TIMEOUT}) is told "miss" and recomputes, while every other reader, in any
 * process, keeps getting the stale value until the new one is stored. {@code add} treats a stale
 * value as absent, so the refresher's add replaces it.
 *
 * <p>The whole fill of a missing key is {@link #fill} ({@code getOrSet} after its miss): one script
 * reads the key or takes the fill claim on the same claim key; the claimant computes, then one
 * script stores the value unless a fresh one is there, gives the claim up and returns what the
 * key holds. A cold {@code getOrSet} thus costs three round trips (get, claim, store); a process
 * that finds the claim taken polls (1 ms, doubling to {@value #MAX_POLL_MILLIS} ms) until the
 * value is stored, or the claim's life passes and it computes itself. Plain {@code get} never
 * waits: a miss is still a miss. Every script's first key is the value's key and the claim key is
 * its {@link CacheClient#companionKey companion}, so the protocol runs on shards and cluster slots.
 *
 * <p>Not wrapped (stored exactly as the client below does): values set with no expiry, lock tokens,
 * and decimal integers, so that {@code incr}/{@code decr} stay atomic INCRBYs that keep the TTL;
 * counters get no herd protection. Values without the header (other clients' writes) are read as
 * is. {@code ttl} reports the real TTL, as django-redis. Soft expiries use this machine's clock.
 */
final class Herd extends ForwardingClient {
    /** {@code OPTIONS['HERD_TIMEOUT']} seconds, django-redis's {@code CACHE_HERD_TIMEOUT}: default 60. */
    static final CacheOption<Duration> HERD_TIMEOUT = CacheOption.seconds("HERD_TIMEOUT", Duration.ofSeconds(60));
    /** {@code OPTIONS['HERD_CLAIM_TIMEOUT']} seconds a refresher or filler holds its claim: default 10. */
    static final CacheOption<Duration> HERD_CLAIM_TIMEOUT =
            CacheOption.seconds("HERD_CLAIM_TIMEOUT", Duration.ofSeconds(10));
    /** The options of this policy. */
    static final List<CacheOption<?>> OPTIONS = List.of(HERD_TIMEOUT, HERD_CLAIM_TIMEOUT);
    /** The suffix of the claim key. */
    static final String CLAIM_SUFFIX = ":herd-claim";
    /** The longest pause between two looks of a process waiting for another's fill. */
    static final long MAX_POLL_MILLIS = 4;

    /** KEYS = key, claim; ARGV = token, claim ms: {value} when the key holds one, else {1} if the claim was taken, else {0}. */
    static final RedisScript FILL = new RedisScript("getOrSet", "local v = redis.call('GET', KEYS[1]) "
            + "if v then return {v} end "
            + "if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {1} end return {0}",
            ScriptOutputType.MULTI);
    /**
     * KEYS = key, claim; ARGV = stored value, real ttl ms (-1 none), magic, now, token: stores the
     * value unless the key holds a fresh one, gives up the claim if it is the token's, and returns
     * what the key holds.
     */
    static final RedisScript STORE = new RedisScript("getOrSet", "local v = redis.call('GET', KEYS[1]) "
            + "if not v or (string.sub(v, 1, 5) == ARGV[3] and tonumber(string.sub(v, 6, 18)) <= tonumber(ARGV[4])) "
            + "then if ARGV[2] == '-1' then redis.call('SET', KEYS[1], ARGV[1]) "
            + "else redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end v = ARGV[1] end "
            + "if redis.call('GET', KEYS[2]) == ARGV[5] then redis.call('DEL', KEYS[2]) end return v",
            ScriptOutputType.VALUE);
    /** KEYS = key, claim; ARGV = token: gives the claim up if it is still the token's. */
    static final RedisScript RELEASE = new RedisScript("getOrSet",
            "if redis.call('GET', KEYS[2]) == ARGV[1] then return redis.call('DEL', KEYS[2]) end return 0",
            ScriptOutputType.INTEGER);
    /** KEYS = key, claim; ARGV = stamp, claim ms: claims the refresh of the stale value stamped ARGV[1], once per stamp. */
    static final RedisScript CLAIM = new RedisScript("get", "if redis.call('GET', KEYS[2]) == ARGV[1] then return 0 end "
            + "redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2]) return 1", ScriptOutputType.INTEGER);
    /** add: stores when absent or when a herd value's soft expiry is at or before ARGV[4]. */
    static final RedisScript ADD = new RedisScript("add", "local v = redis.call('GET', KEYS[1]) "
            + "if v and not (string.sub(v, 1, 5) == ARGV[3] and tonumber(string.sub(v, 6, 18)) <= tonumber(ARGV[4])) "
            + "then return 0 end "
            + "if ARGV[2] == '-1' then redis.call('SET', KEYS[1], ARGV[1]) "
            + "else redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end return 1", ScriptOutputType.INTEGER);
    /** touch: a herd value is re-stamped (or unwrapped when persisted); a plain one gets the new expiry. */
    static final RedisScript TOUCH = new RedisScript("touch", "local v = redis.call('GET', KEYS[1]) "
            + "if not v then return 0 end "
            + "if string.sub(v, 1, 5) ~= ARGV[1] then "
            + "if ARGV[3] == '-1' then redis.call('PERSIST', KEYS[1]) else redis.call('PEXPIRE', KEYS[1], ARGV[3]) end "
            + "return 1 end "
            + "local payload = string.sub(v, 19) "
            + "if ARGV[3] == '-1' then redis.call('SET', KEYS[1], payload) "
            + "else redis.call('SET', KEYS[1], ARGV[1] .. ARGV[2] .. payload, 'PX', ARGV[4]) end return 1",
            ScriptOutputType.INTEGER);

    private static final byte[] MAGIC = HerdFormat.MAGIC;

    private final long herdMillis;
    private final long claimMillis;
    /** What this client's fill claims hold: unique per client, so it gives up only its own. */
    private final byte[] fillToken;

    private Herd(CacheClient delegate, long herdMillis, long claimMillis) {
        super(delegate);
        this.herdMillis = herdMillis;
        this.claimMillis = claimMillis;
        this.fillToken = ("fill:" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code client} with stampede protection when {@code on} (the HerdClient name) or {@code HERD_TIMEOUT} asks. */
    static CacheClient around(CacheClient client, CacheSettings settings, boolean on) {
        if (!on && !HERD_TIMEOUT.isSet(settings)) {
            if (HERD_CLAIM_TIMEOUT.isSet(settings)) {
                throw settings.options().error(HERD_CLAIM_TIMEOUT.name(),
                        settings.options().get(HERD_CLAIM_TIMEOUT.name()),
                        "needs OPTIONS['HERD_TIMEOUT'] or CLIENT_CLASS 'django_redis.client.HerdClient', "
                                + "which switch stampede protection on");
            }
            return client;
        }
        return new Herd(client, Math.max(1, HERD_TIMEOUT.read(settings).toMillis()),
                Math.max(1, HERD_CLAIM_TIMEOUT.read(settings).toMillis()));
    }

    /** The grace added to every herd value's real TTL. */
    Duration herdTimeout() {
        return Duration.ofMillis(herdMillis);
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private String claimKey(String key) {
        return companionKey(key, CLAIM_SUFFIX);
    }

    private boolean wraps(byte[] value, Timeout timeout) {
        return !timeout.isNever() && !HerdFormat.isInteger(value);
    }

    private byte[] stored(byte[] value, Timeout timeout) {
        return wraps(value, timeout) ? HerdFormat.wrap(value, now() + timeout.toMillis()) : value;
    }

    private Timeout realTimeout(byte[] value, Timeout timeout) {
        return wraps(value, timeout) ? Timeout.millis(timeout.toMillis() + herdMillis) : timeout;
    }

    private byte[] realTtl(byte[] value, Timeout timeout) {
        Timeout real = realTimeout(value, timeout);
        return Digits.of(real.isNever() ? -1 : real.toMillis());
    }

    private static boolean isFresh(byte[] raw) {
        return HerdFormat.softExpiry(raw) > now();
    }

    /** The value a stored form stands for: as is, or the payload of a herd value. */
    private static byte[] unwrapped(byte[] raw) {
        return HerdFormat.isWrapped(raw) ? HerdFormat.payload(raw) : raw;
    }

    // ---- reads ---------------------------------------------------------------------------

    @Override
    public CompletableFuture<byte[]> get(String key) {
        return super.get(key).thenCompose(raw -> resolve(key, raw));
    }

    @Override
    public CompletableFuture<List<byte[]>> getMany(List<String> keys) {
        return super.getMany(keys).thenCompose(raw -> {
            List<CompletableFuture<byte[]>> values = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                values.add(resolve(keys.get(i), raw.get(i)));
            }
            return CompletableFuture.allOf(values.toArray(new CompletableFuture<?>[0]))
                    .thenApply(done -> values.stream().map(CompletableFuture::join).toList());
        });
    }

    /** What a read returns for the stored bytes: as is, the payload, or null for the one refresher of a stale value. */
    private CompletableFuture<byte[]> resolve(String key, byte[] raw) {
        if (!HerdFormat.isWrapped(raw) || isFresh(raw)) {
            return CompletableFuture.completedFuture(unwrapped(raw));
        }
        byte[] payload = HerdFormat.payload(raw);
        return Stages.<Long>guard(() -> delegate().eval(CLAIM, new String[] {key, claimKey(key)},
                HerdFormat.stampOf(raw), Digits.of(claimMillis)))
                .handle((won, error) -> error == null && won != null && won == 1L ? null : payload);
    }

    // ---- getOrSet's fill, across processes -----------------------------------------------

    @Override
    public CompletableFuture<byte[]> fill(String key, Supplier<CompletableFuture<byte[]>> loader, Timeout timeout) {
        if (timeout.isExpired()) {
            return super.fill(key, loader, timeout);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(claimMillis);
        return look(key, loader, timeout, deadline, 1);
    }

    /** One look at a missing key: its value, or the claim taken (compute), or held by another (wait). */
    private CompletableFuture<byte[]> look(String key, Supplier<CompletableFuture<byte[]>> loader, Timeout timeout,
            long deadline, long pause) {
        return delegate().<List<Object>>eval(FILL, new String[] {key, claimKey(key)}, fillToken, Digits.of(claimMillis))
                .thenCompose(reply -> {
                    Object first = reply.get(0);
                    if (first instanceof byte[] raw) {
                        // a fresh value, or a stale one whose refresh claim this caller's get took
                        return !HerdFormat.isWrapped(raw) || isFresh(raw) ? CompletableFuture.completedFuture(
                                unwrapped(raw)) : compute(key, loader, timeout);
                    }
                    if ((Long) first == 1L || System.nanoTime() - deadline > 0) {
                        return compute(key, loader, timeout);
                    }
                    return CompletableFuture.runAsync(() -> { },
                                    CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS))
                            .thenCompose(slept -> look(key, loader, timeout, deadline,
                                    Math.min(pause * 2, MAX_POLL_MILLIS)));
                });
    }

    /**
     * Computes, then stores unless a fresh value is there, gives the claim up and reads the key, in
     * one script; a failed computation gives the claim up at once so a waiting process takes over.
     */
    private CompletableFuture<byte[]> compute(String key, Supplier<CompletableFuture<byte[]>> loader,
            Timeout timeout) {
        String[] keys = {key, claimKey(key)};
        return Stages.guard(loader).handle((loaded, error) -> {
            if (error != null) {
                delegate().eval(RELEASE, keys, fillToken);
                throw Stages.rethrow(error);
            }
            return delegate().<byte[]>eval(STORE, keys, stored(loaded, timeout), realTtl(loaded, timeout), MAGIC,
                    Digits.of(now()), fillToken).thenApply(raw -> raw == null ? loaded : unwrapped(raw));
        }).thenCompose(stored -> stored);
    }

    // ---- writes --------------------------------------------------------------------------

    @Override
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        if (condition == SetCondition.IF_ABSENT) {
            return delegate().<Long>eval(ADD, new String[] {key}, stored(value, timeout), realTtl(value, timeout),
                    MAGIC, Digits.of(now())).thenApply(added -> added != null && added == 1L);
        }
        return super.set(key, stored(value, timeout), realTimeout(value, timeout), condition);
    }

    @Override
    public CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        Map<String, byte[]> wrapped = new LinkedHashMap<>();
        Map<String, byte[]> plain = new LinkedHashMap<>();
        entries.forEach((key, value) -> (wraps(value, timeout) ? wrapped : plain).put(key, stored(value, timeout)));
        CompletableFuture<List<String>> first = wrapped.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : super.setMany(wrapped, Timeout.millis(timeout.toMillis() + herdMillis));
        CompletableFuture<List<String>> second = plain.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : super.setMany(plain, timeout);
        return first.thenCombine(second, (a, b) -> {
            List<String> failed = new ArrayList<>(a);
            failed.addAll(b);
            return failed;
        });
    }

    @Override
    public CompletableFuture<Boolean> touch(String key, Timeout timeout) {
        boolean never = timeout.isNever();
        long millis = never ? -1 : timeout.toMillis();
        return delegate().<Long>eval(TOUCH, new String[] {key}, MAGIC, never ? new byte[0] : HerdFormat.stamp(now()
                + millis), Digits.of(millis), Digits.of(never ? -1 : millis + herdMillis))
                .thenApply(touched -> touched != null && touched == 1L);
    }

    @Override
    public String toString() {
        return "Herd{HERD_TIMEOUT=" + herdMillis + "ms, HERD_CLAIM_TIMEOUT=" + claimMillis + "ms, " + delegate() + "}";
    }
}
