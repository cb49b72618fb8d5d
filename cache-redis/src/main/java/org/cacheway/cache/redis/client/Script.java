package org.cacheway.cache.redis.client;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), falling back to {@code EVAL} (which caches it on
 * the server) when the server does not know it yet, after a restart or a {@code SCRIPT FLUSH}.
 * Scripts make the read-check-write primitives atomic.
 */
public final class Script {
    /** {@code incr}: INCRBY only when the key exists, keeping its TTL; nil when missing. */
    public static final Script INCR_EXISTING = new Script(
            "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('INCRBY', KEYS[1], ARGV[1]) end "
                    + "return false");
    /** {@code touch(key, NEVER)}: PERSIST an existing key; 1 when the key existed (with or without a TTL). */
    public static final Script PERSIST_EXISTING = new Script(
            "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('PERSIST', KEYS[1]) return 1 end return 0");
    /** Lock release: DEL only when the key still holds the caller's token. */
    public static final Script LOCK_RELEASE = new Script(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0");
    /** Lock extension (redis-py's): PEXPIRE by the holder, adding to or replacing the time left. */
    public static final Script LOCK_EXTEND = new Script(
            "local token = redis.call('GET', KEYS[1]) "
                    + "if not token or token ~= ARGV[1] then return 0 end "
                    + "local left = redis.call('PTTL', KEYS[1]) "
                    + "if left < 0 then return 0 end "
                    + "local ttl = tonumber(ARGV[2]) "
                    + "if ARGV[3] == '0' then ttl = ttl + left end "
                    + "redis.call('PEXPIRE', KEYS[1], ttl) return 1");

    private final String source;
    private final String sha;

    /** A script with its source. */
    public Script(String source) {
        this.source = source;
        try {
            this.sha = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    }

    /** Runs the script synchronously. */
    public <T> T run(RedisScriptingCommands<String, byte[]> commands, ScriptOutputType type, String[] keys,
            byte[]... args) {
        try {
            return commands.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            return commands.eval(source, type, keys, args);
        }
    }

    /** Runs the script asynchronously. */
    public <T> CompletableFuture<T> runAsync(RedisScriptingAsyncCommands<String, byte[]> commands,
            ScriptOutputType type, String[] keys, byte[]... args) {
        CompletableFuture<T> first = commands.<T>evalsha(sha, type, keys, args).toCompletableFuture();
        return first.handle((value, error) -> error == null ? first
                : org.cacheway.cache.base.Futures.unwrap(error) instanceof RedisNoScriptException
                        ? commands.<T>eval(source, type, keys, args).toCompletableFuture()
                        : first)
                .thenCompose(future -> future);
    }

    /** The SHA-1 the server knows the script by. */
    public String sha() {
        return sha;
    }
}
