package org.cacheway.cache.redis.client;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.CacheSettings;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.SetMode;
import org.cacheway.cache.redis.client.herd.HerdFormat;

/**
 * Stampede protection ({@code CLIENT_CLASS = "django_redis.client.HerdClient"}), with Cacheway's
 * own {@link HerdFormat} (django-redis's herd format is pickle-only). A value set with a finite
 * timeout is stored with a soft expiry at {@code now + timeout} and a real Redis TTL of
 * {@code timeout + HERD_TIMEOUT}. Once the soft expiry has passed, the first reader to take the
 * refresh claim ({@code <key>:herd-claim}, held {@code HERD_CLAIM_TIMEOUT}) is told "miss" and
 * recomputes, while every other reader, in any process, keeps getting the stale value until the
 * new one is stored; {@code getOrSet} thus computes a hot key once per refresh across processes.
 * {@code add} treats a stale value as absent, so the refresher's add replaces it.
 *
 * <p>A <em>missing</em> key is filled once across processes too: {@code getOrSet}'s leader in each
 * process ({@link #beginFill}) either takes the fill claim on the same claim key, computes and
 * then gives the claim up, or polls (1 ms, doubling to {@value #MAX_POLL_MILLIS} ms) until the
 * claimant's value is stored; when the claimant dies or fails, its claim is given up or expires
 * and a waiter takes it over. Plain {@code get} never waits: a miss is still a miss.
 *
 * <p>Not wrapped (stored exactly as the default client does): values set with no expiry, and
 * decimal integers, so that {@code incr}/{@code decr} stay atomic INCRBYs that keep the TTL
 * (django-redis raises NotImplementedError instead); counters get no herd protection. Values
 * without the header (other clients' writes) are read as is. {@code ttl} reports the real TTL,
 * as django-redis. Soft expiries use this machine's clock: keep clocks in sync across processes.
 */
public class HerdClient extends DefaultClient {
    /** {@code OPTIONS['HERD_TIMEOUT']} seconds, django-redis's {@code CACHE_HERD_TIMEOUT}: default 60. */
    public static final String HERD_TIMEOUT = "HERD_TIMEOUT";
    /** {@code OPTIONS['HERD_CLAIM_TIMEOUT']} seconds a refresher holds its claim: default 10. */
    public static final String HERD_CLAIM_TIMEOUT = "HERD_CLAIM_TIMEOUT";
    /** The suffix of the claim key. */
    public static final String CLAIM_SUFFIX = ":herd-claim";

    /** The longest pause between two looks of a process waiting for another's fill. */
    static final long MAX_POLL_MILLIS = 4;

    private static final byte[] MAGIC = HerdFormat.MAGIC;
    /**
     * getOrSet's look at a missing key, KEYS[1] = the key, KEYS[2] = its claim key: {value} when
     * the key holds one, else {1} when the fill claim ARGV[1] was taken for ARGV[2] ms, else {0}.
     */
    static final Script FILL = new Script("local v = redis.call('GET', KEYS[1]) if v then return {v} end "
            + "if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {1} end return {0}");
    /** Claims the refresh of the stale value stamped ARGV[1], once per stamp. */
    static final Script CLAIM = new Script("if redis.call('GET', KEYS[1]) == ARGV[1] then return 0 end "
            + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1");
    /** add: stores when absent or when a herd value's soft expiry is at or before ARGV[4]. */
    static final Script ADD = new Script("local v = redis.call('GET', KEYS[1]) "
            + "if v and not (string.sub(v, 1, 5) == ARGV[3] and tonumber(string.sub(v, 6, 18)) <= tonumber(ARGV[4])) "
            + "then return 0 end "
            + "if ARGV[2] == '-1' then redis.call('SET', KEYS[1], ARGV[1]) "
            + "else redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end return 1");
    /** touch: a herd value is re-stamped (or unwrapped when persisted); a plain one gets the new expiry. */
    static final Script TOUCH = new Script("local v = redis.call('GET', KEYS[1]) if not v then return 0 end "
            + "if string.sub(v, 1, 5) ~= ARGV[1] then "
            + "if ARGV[3] == '-1' then redis.call('PERSIST', KEYS[1]) else redis.call('PEXPIRE', KEYS[1], ARGV[3]) end "
            + "return 1 end "
            + "local payload = string.sub(v, 19) "
            + "if ARGV[3] == '-1' then redis.call('SET', KEYS[1], payload) "
            + "else redis.call('SET', KEYS[1], ARGV[1] .. ARGV[2] .. payload, 'PX', ARGV[4]) end return 1");

    private final long herdMillis;
    private final long claimMillis;
    /** What this client's fill claims hold: unique per client, so it gives up only its own. */
    private final byte[] fillToken;

    /** A herd client over the locations of {@code config} (primary first, then read replicas). */
    public HerdClient(ClientConfig config) {
        super(config);
        CacheSettings.Options options = config.settings().options();
        this.herdMillis = millis(options, HERD_TIMEOUT, 60);
        this.claimMillis = millis(options, HERD_CLAIM_TIMEOUT, 10);
        this.fillToken = ("fill:" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
    }

    private static long millis(CacheSettings.Options options, String name, double fallbackSeconds) {
        double seconds = options.number(name, fallbackSeconds);
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw options.error(name, options.get(name), "expected a positive number of seconds");
        }
        return Math.max(1, (long) (seconds * 1000));
    }

    @Override
    public Set<String> options() {
        return Set.of(HERD_TIMEOUT, HERD_CLAIM_TIMEOUT);
    }

    /** The grace added to every herd value's real TTL. */
    public Duration herdTimeout() {
        return Duration.ofMillis(herdMillis);
    }

    /** Milliseconds since the epoch; the soft-expiry clock. */
    protected long now() {
        return System.currentTimeMillis();
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

    private byte[][] claimArgs(byte[] raw) {
        return new byte[][] {HerdFormat.stampOf(raw), NodeClient.digits(claimMillis)};
    }

    private boolean isFresh(byte[] raw) {
        return HerdFormat.softExpiry(raw) > now();
    }

    /** What a read returns for the stored bytes: as is, the payload, or null for the refresher. */
    private byte[] resolve(String key, byte[] raw) {
        if (!HerdFormat.isWrapped(raw) || isFresh(raw)) {
            return HerdFormat.isWrapped(raw) ? HerdFormat.payload(raw) : raw;
        }
        return claim(key, raw) ? null : HerdFormat.payload(raw);
    }

    private boolean claim(String key, byte[] raw) {
        String claimKey = key + CLAIM_SUFFIX;
        try {
            Long won = router().write("herdClaim", key, claimArgs(raw),
                    (c, args) -> CLAIM.run(c, ScriptOutputType.INTEGER, new String[] {claimKey}, args));
            return won != null && won == 1L;
        } catch (RuntimeException e) {
            return false; // cannot claim: keep serving the stale value
        }
    }

    private CompletableFuture<byte[]> resolveAsync(String key, byte[] raw) {
        if (!HerdFormat.isWrapped(raw) || isFresh(raw)) {
            return CompletableFuture.completedFuture(resolve(key, raw));
        }
        CompletableFuture<Long> won;
        try {
            won = router().primary().dispatch(commands -> CLAIM.runAsync(commands, ScriptOutputType.INTEGER,
                    new String[] {key + CLAIM_SUFFIX}, claimArgs(raw)));
        } catch (RuntimeException e) {
            won = CompletableFuture.failedFuture(e);
        }
        return won.handle((result, error) -> error == null && result != null && result == 1L ? null
                : HerdFormat.payload(raw));
    }

    private byte[][] addArgs(byte[] value, Timeout timeout) {
        Timeout real = realTimeout(value, timeout);
        return new byte[][] {stored(value, timeout), real.isNever() ? NodeClient.digits(-1) : NodeClient.digits(
                real.toMillis()), MAGIC, NodeClient.digits(now())};
    }

    private byte[][] touchArgs(Timeout timeout) {
        boolean never = timeout.isNever();
        long millis = never ? -1 : timeout.toMillis();
        return new byte[][] {MAGIC, never ? new byte[0] : HerdFormat.stamp(now() + millis), NodeClient.digits(millis),
                NodeClient.digits(never ? -1 : millis + herdMillis)};
    }

    // ---- reads ---------------------------------------------------------------------------

    @Override
    public byte[] get(String key) {
        return resolve(key, super.get(key));
    }

    @Override
    public List<byte[]> getMany(List<String> keys) {
        List<byte[]> raw = super.getMany(keys);
        List<byte[]> values = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            values.add(resolve(keys.get(i), raw.get(i)));
        }
        return values;
    }

    @Override
    public CompletableFuture<byte[]> getAsync(String key) {
        return super.getAsync(key).thenCompose(raw -> resolveAsync(key, raw));
    }

    @Override
    public CompletableFuture<List<byte[]>> getManyAsync(List<String> keys) {
        return super.getManyAsync(keys).thenCompose(raw -> {
            List<CompletableFuture<byte[]>> values = new ArrayList<>(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                values.add(resolveAsync(keys.get(i), raw.get(i)));
            }
            return CompletableFuture.allOf(values.toArray(new CompletableFuture<?>[0]))
                    .thenApply(done -> values.stream().map(CompletableFuture::join).toList());
        });
    }

    // ---- fills across processes ----------------------------------------------------------

    /**
     * The value another process stored while this one waited, or null when this caller is to
     * compute it: it took the fill claim, holds the refresh claim of a stale value, the wait
     * outlasted a claim's life, or Redis failed (computing is then the safe way on).
     */
    @Override
    public byte[] beginFill(String key) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(claimMillis);
        long pause = 1;
        try {
            FillLook look = lookForFill(key);
            while (look.waits()) {
                if (System.nanoTime() - deadline > 0) {
                    return null;
                }
                Thread.sleep(pause);
                pause = Math.min(pause * 2, MAX_POLL_MILLIS);
                look = lookForFill(key);
            }
            return outcome(look);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Gives up this client's fill claim on {@code key}, if it still holds it. */
    @Override
    public void endFill(String key) {
        try {
            router().write("endFill", key, fillToken, (c, token) -> Script.LOCK_RELEASE.run(c,
                    ScriptOutputType.INTEGER, new String[] {key + CLAIM_SUFFIX}, token));
        } catch (RuntimeException e) {
            // the claim expires by itself within HERD_CLAIM_TIMEOUT
        }
    }

    @Override
    public CompletableFuture<byte[]> beginFillAsync(String key) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(claimMillis);
        return lookForFillAsync(key, deadline, 1).exceptionally(error -> null);
    }

    @Override
    public CompletableFuture<Void> endFillAsync(String key) {
        CompletableFuture<Long> released;
        try {
            released = router().primary().dispatch(c -> Script.LOCK_RELEASE.runAsync(c, ScriptOutputType.INTEGER,
                    new String[] {key + CLAIM_SUFFIX}, fillToken));
        } catch (RuntimeException e) {
            released = CompletableFuture.failedFuture(e);
        }
        return released.handle((done, error) -> null);
    }

    /** What one run of {@link #FILL} saw: the stored bytes, or whether the claim was taken. */
    private record FillLook(byte[] raw, boolean claimed) {
        boolean waits() {
            return raw == null && !claimed;
        }
    }

    private FillLook lookForFill(String key) {
        return look(router().write("beginFill", key, fillArgs(), (c, args) -> FILL.run(c, ScriptOutputType.MULTI,
                new String[] {key, key + CLAIM_SUFFIX}, args)));
    }

    private byte[][] fillArgs() {
        return new byte[][] {fillToken, NodeClient.digits(claimMillis)};
    }

    private CompletableFuture<byte[]> lookForFillAsync(String key, long deadline, long pause) {
        CompletableFuture<List<Object>> reply;
        try {
            reply = router().primary().dispatch(c -> FILL.runAsync(c, ScriptOutputType.MULTI,
                    new String[] {key, key + CLAIM_SUFFIX}, fillArgs()));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.thenCompose(list -> {
            FillLook look = look(list);
            if (!look.waits()) {
                return CompletableFuture.completedFuture(outcome(look));
            }
            if (System.nanoTime() - deadline > 0) {
                return CompletableFuture.completedFuture(null);
            }
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS))
                    .thenCompose(slept -> lookForFillAsync(key, deadline, Math.min(pause * 2, MAX_POLL_MILLIS)));
        });
    }

    private static FillLook look(List<Object> reply) {
        Object first = reply.get(0);
        return first instanceof byte[] raw ? new FillLook(raw, false) : new FillLook(null, ((Long) first) == 1L);
    }

    /**
     * What {@link #beginFill} returns once a look stopped waiting: null to compute (the claim was
     * taken, or the value found is stale, so this caller holds its refresh claim), else the value.
     */
    private byte[] outcome(FillLook look) {
        byte[] raw = look.raw();
        if (look.claimed() || !HerdFormat.isWrapped(raw)) {
            return raw;
        }
        return isFresh(raw) ? HerdFormat.payload(raw) : null;
    }

    // ---- writes --------------------------------------------------------------------------

    @Override
    public void set(String key, byte[] value, Timeout timeout) {
        super.set(key, stored(value, timeout), realTimeout(value, timeout));
    }

    @Override
    public boolean set(String key, byte[] value, Timeout timeout, SetMode mode) {
        return mode == SetMode.NX ? add(key, value, timeout)
                : super.set(key, stored(value, timeout), realTimeout(value, timeout), mode);
    }

    @Override
    public boolean add(String key, byte[] value, Timeout timeout) {
        Long added = router().write("add", key, addArgs(value, timeout),
                (c, args) -> ADD.run(c, ScriptOutputType.INTEGER, new String[] {key}, args));
        return added != null && added == 1L;
    }

    /** Lock tokens are stored plain (never wrapped), so release and extend compare them as written. */
    @Override
    public boolean lockAcquire(String key, byte[] token, Timeout timeout) {
        return super.set(key, token, timeout, SetMode.NX);
    }

    @Override
    public List<String> setMany(Map<String, byte[]> entries, Timeout timeout) {
        Map<String, byte[]> wrapped = new LinkedHashMap<>();
        Map<String, byte[]> plain = new LinkedHashMap<>();
        split(entries, timeout, wrapped, plain);
        List<String> failed = new ArrayList<>();
        if (!wrapped.isEmpty()) {
            failed.addAll(super.setMany(wrapped, Timeout.millis(timeout.toMillis() + herdMillis)));
        }
        if (!plain.isEmpty()) {
            failed.addAll(super.setMany(plain, timeout));
        }
        return failed;
    }

    private void split(Map<String, byte[]> entries, Timeout timeout, Map<String, byte[]> wrapped,
            Map<String, byte[]> plain) {
        entries.forEach((key, value) -> (wraps(value, timeout) ? wrapped : plain).put(key, stored(value, timeout)));
    }

    @Override
    public boolean touch(String key, Timeout timeout) {
        Long touched = router().write("touch", key, touchArgs(timeout),
                (c, args) -> TOUCH.run(c, ScriptOutputType.INTEGER, new String[] {key}, args));
        return touched != null && touched == 1L;
    }

    @Override
    public CompletableFuture<Void> setAsync(String key, byte[] value, Timeout timeout) {
        return super.setAsync(key, stored(value, timeout), realTimeout(value, timeout), SetMode.ALWAYS)
                .thenApply(stored -> null);
    }

    @Override
    public CompletableFuture<Boolean> setAsync(String key, byte[] value, Timeout timeout, SetMode mode) {
        return mode == SetMode.NX ? addAsync(key, value, timeout)
                : super.setAsync(key, stored(value, timeout), realTimeout(value, timeout), mode);
    }

    @Override
    public CompletableFuture<Boolean> addAsync(String key, byte[] value, Timeout timeout) {
        return scripted(ADD, "add", key, addArgs(value, timeout));
    }

    @Override
    public CompletableFuture<List<String>> setManyAsync(Map<String, byte[]> entries, Timeout timeout) {
        Map<String, byte[]> wrapped = new LinkedHashMap<>();
        Map<String, byte[]> plain = new LinkedHashMap<>();
        split(entries, timeout, wrapped, plain);
        CompletableFuture<List<String>> first = wrapped.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : super.setManyAsync(wrapped, Timeout.millis(timeout.toMillis() + herdMillis));
        CompletableFuture<List<String>> second = plain.isEmpty() ? CompletableFuture.completedFuture(List.of())
                : super.setManyAsync(plain, timeout);
        return first.thenCombine(second, (a, b) -> {
            List<String> failed = new ArrayList<>(a);
            failed.addAll(b);
            return failed;
        });
    }

    @Override
    public CompletableFuture<Boolean> touchAsync(String key, Timeout timeout) {
        return scripted(TOUCH, "touch", key, touchArgs(timeout));
    }

    private CompletableFuture<Boolean> scripted(Script script, String operation, String key, byte[][] args) {
        CompletableFuture<Long> reply;
        try {
            reply = router().primary().dispatch(commands -> script.runAsync(commands, ScriptOutputType.INTEGER,
                    new String[] {key}, args));
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return router().errors().async(reply, operation, key).thenApply(done -> done != null && done == 1L);
    }

    @Override
    public String toString() {
        return super.toString() + "{HERD_TIMEOUT=" + herdMillis + "ms, HERD_CLAIM_TIMEOUT=" + claimMillis + "ms}";
    }
}
