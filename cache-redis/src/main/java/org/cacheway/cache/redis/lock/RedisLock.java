package org.cacheway.cache.redis.lock;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.redis.client.CacheClient;

/**
 * A Redis lock as redis-py's {@code Lock}, which django-redis's {@code cache.lock()} returns: taken
 * with {@code SET key token NX [PX timeout]} where the token is 32 random hex characters, released
 * and extended atomically, by the holder only, through Lua. Not tied to a thread: any thread
 * holding this object may release it (redis-py's {@code thread_local=False}).
 *
 * <pre>{@code
 * try (RedisLock lock = cache.lock("report", Duration.ofSeconds(30)).acquireOrThrow()) {
 *     // exclusive work
 * }
 * }</pre>
 */
public final class RedisLock implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CacheClient client;
    private final String key;
    private final Duration timeout;
    private final Duration sleep;
    private final Duration blockingTimeout;
    private volatile byte[] token;

    /**
     * A lock on the made key {@code key}, not yet acquired.
     *
     * @param timeout how long the lock lives once taken; null for no expiry
     * @param sleep the pause between attempts of a blocking acquire
     * @param blockingTimeout how long a blocking acquire tries; null for no limit
     */
    public RedisLock(CacheClient client, String key, Duration timeout, Duration sleep, Duration blockingTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.key = Objects.requireNonNull(key, "key");
        this.timeout = timeout;
        this.sleep = Objects.requireNonNull(sleep, "sleep");
        this.blockingTimeout = blockingTimeout;
        if (timeout != null && timeout.toMillis() <= 0) {
            throw new IllegalArgumentException("lock timeout must be positive, got " + timeout);
        }
    }

    /** The made key the lock lives at (e.g. {@code :1:name}). */
    public String key() {
        return key;
    }

    /** Blocks until the lock is taken or the blocking timeout passes; returns whether it was taken. */
    public boolean acquire() {
        return acquire(true);
    }

    /**
     * Takes the lock; with {@code blocking} retries every {@code sleep} until the blocking timeout
     * passes, without it tries once.
     */
    public boolean acquire(boolean blocking) {
        byte[] candidate = newToken();
        Timeout expiry = timeout == null ? Timeout.NEVER : Timeout.of(timeout);
        long deadline = blockingTimeout == null ? Long.MAX_VALUE : System.nanoTime() + blockingTimeout.toNanos();
        while (true) {
            if (Stages.await(client.lockAcquire(key, candidate, expiry))) {
                token = candidate;
                return true;
            }
            if (!blocking || System.nanoTime() + sleep.toNanos() > deadline) {
                return false;
            }
            pause();
        }
    }

    /**
     * Takes the lock (blocking) and returns it, for try-with-resources.
     *
     * @throws RedisLockException when the blocking timeout passes first
     */
    public RedisLock acquireOrThrow() {
        if (!acquire(true)) {
            throw new RedisLockException("Unable to acquire lock within the time specified");
        }
        return this;
    }

    private void pause() {
        try {
            Thread.sleep(Math.max(1, sleep.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisLockException("Interrupted while waiting for lock '" + key + "'");
        }
    }

    /**
     * Releases the lock.
     *
     * @throws RedisLockException when this object does not hold it ("Cannot release an unlocked lock")
     * @throws LockNotOwnedException when it expired or another holder has it
     */
    public void release() {
        byte[] held = token;
        if (held == null) {
            throw new RedisLockException("Cannot release an unlocked lock");
        }
        token = null;
        if (!Stages.await(client.lockRelease(key, held))) {
            throw new LockNotOwnedException("release");
        }
    }

    /**
     * Adds {@code additional} to the time the lock has left ({@code replaceTtl}: sets it instead).
     *
     * @throws RedisLockException when not held or the lock has no timeout
     * @throws LockNotOwnedException when it expired or another holder has it
     */
    public void extend(Duration additional, boolean replaceTtl) {
        byte[] held = token;
        if (held == null) {
            throw new RedisLockException("Cannot extend an unlocked lock");
        }
        if (timeout == null) {
            throw new RedisLockException("Cannot extend a lock with no timeout");
        }
        if (!Stages.await(client.lockExtend(key, held, additional.toMillis(), replaceTtl))) {
            throw new LockNotOwnedException("extend");
        }
    }

    /** Adds {@code additional} to the time the lock has left. */
    public void extend(Duration additional) {
        extend(additional, false);
    }

    /** Whether anyone holds the lock now. */
    public boolean locked() {
        return Stages.await(client.getFromPrimary(key)) != null;
    }

    /** Whether this object holds the lock now (its token is still at the key). */
    public boolean owned() {
        byte[] held = token;
        return held != null && java.util.Arrays.equals(held, Stages.await(client.getFromPrimary(key)));
    }

    /**
     * Releases the lock when this object took it (the end of a try-with-resources block).
     *
     * @throws LockNotOwnedException when it expired meanwhile, as redis-py's context manager
     */
    @Override
    public void close() {
        if (token != null) {
            release();
        }
    }

    private static byte[] newToken() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "RedisLock{" + key + (token != null ? ", held" : "") + "}";
    }
}
