package org.cacheway.cache.redis.client;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Lua script for {@link CacheClient#eval}: its name (the operation errors name), its source,
 * what it returns, and its SHA-1, by which clients run it ({@code EVALSHA}), sending the source
 * ({@code EVAL}, which caches it on the server) when the server does not know it yet, after a
 * restart or a {@code SCRIPT FLUSH}. Scripts make read-check-write primitives atomic. Immutable.
 */
public final class RedisScript {
    /** {@code incr}: INCRBY only when the key exists, keeping its TTL; nil when missing. */
    public static final RedisScript INCR_EXISTING = new RedisScript("incr",
            "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end "
                    + "return false", ScriptOutputType.INTEGER).withValueErrors();
    /** {@code touch(key, NEVER)}: PERSIST an existing key; 1 when the key existed (with or without a TTL). */
    public static final RedisScript PERSIST_EXISTING = new RedisScript("touch",
            "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PERSIST', KEYS[1]) return 1 end return 0",
            ScriptOutputType.INTEGER);
    /** Lock release: DEL only when the key still holds the caller's token. */
    public static final RedisScript LOCK_RELEASE = new RedisScript("lockRelease",
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
            ScriptOutputType.INTEGER);
    /** Lock extension (redis-py's): PEXPIRE by the holder, adding to or replacing the time left. */
    public static final RedisScript LOCK_EXTEND = new RedisScript("lockExtend",
            "local token = redis.call('GET', KEYS[1]) "
                    + "if not token or token ~= ARGV[1] then return 0 end "
                    + "local left = redis.call('PTTL', KEYS[1]) "
                    + "if left < 0 then return 0 end "
                    + "local ttl = tonumber(ARGV[2]) "
                    + "if ARGV[3] == '0' then ttl = ttl + left end "
                    + "redis.call('PEXPIRE', KEYS[1], ttl) return 1", ScriptOutputType.INTEGER);

    private final String name;
    private final String source;
    private final ScriptOutputType output;
    private final boolean valueErrors;
    private final boolean readOnly;
    private final String sha;

    /** A script named {@code name} (for error messages) with its source and its reply type. */
    public RedisScript(String name, String source, ScriptOutputType output) {
        this(name, source, output, false, false);
    }

    private RedisScript(String name, String source, ScriptOutputType output, boolean valueErrors, boolean readOnly) {
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
        this.output = Objects.requireNonNull(output, "output");
        this.valueErrors = valueErrors;
        this.readOnly = readOnly;
        try {
            this.sha = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    }

    /**
     * This script, with an error reply reported as a {@link org.cacheway.cache.CacheValueException}
     * (for arithmetic on stored values) rather than a connection error.
     */
    public RedisScript withValueErrors() {
        return new RedisScript(name, source, output, true, readOnly);
    }

    /**
     * This script, declared as only reading its keys: policies that follow writes (replica waits,
     * near-cache invalidation) let it pass untouched.
     */
    public RedisScript asReadOnly() {
        return new RedisScript(name, source, output, valueErrors, true);
    }

    /** The operation name errors mention. */
    public String name() {
        return name;
    }

    /** The Lua source. */
    public String source() {
        return source;
    }

    /** What the script returns. */
    public ScriptOutputType output() {
        return output;
    }

    /** Whether error replies are value errors. */
    public boolean valueErrors() {
        return valueErrors;
    }

    /** Whether the script only reads its keys ({@link #asReadOnly()}). */
    public boolean readOnly() {
        return readOnly;
    }

    /** The SHA-1 the server knows the script by. */
    public String sha() {
        return sha;
    }

    @Override
    public String toString() {
        return "RedisScript{" + name + ", sha=" + sha + "}";
    }
}
