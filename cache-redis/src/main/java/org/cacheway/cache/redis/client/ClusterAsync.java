package org.cacheway.cache.redis.client;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.Futures;
import org.cacheway.cache.redis.SetMode;
import org.cacheway.cache.redis.client.cluster.PrefixTag;

/**
 * The asynchronous face of {@link ClusterClient}: commands dispatched on Lettuce's cluster async
 * API (which routes each to its slot's node and pipelines per node) with errors translated,
 * the pipelined {@code setMany}, and the scripted counters.
 */
final class ClusterAsync {
    private final RedisAdvancedClusterAsyncCommands<String, byte[]> commands;
    private final LettuceErrors errors;
    private final PrefixTag tag;

    ClusterAsync(RedisAdvancedClusterAsyncCommands<String, byte[]> commands, LettuceErrors errors, PrefixTag tag) {
        this.commands = commands;
        this.errors = errors;
        this.tag = tag;
    }

    /** Dispatches one command; its outcome with Lettuce errors translated. */
    <T> CompletableFuture<T> run(String operation, String key,
            Function<RedisAdvancedClusterAsyncCommands<String, byte[]>, RedisFuture<T>> command) {
        try {
            return errors.async(command.apply(commands), operation, key);
        } catch (RuntimeException e) {
            return errors.failed(e, operation, key);
        }
    }

    /** One {@code SET [PX]} per entry, all dispatched then awaited together; the keys Redis refused. */
    CompletableFuture<List<String>> setMany(Map<String, byte[]> entries, Timeout timeout) {
        SetArgs args = NodeClient.setArgs(timeout, SetMode.ALWAYS);
        Map<String, CompletableFuture<String>> replies = new LinkedHashMap<>();
        try {
            entries.forEach((key, value) -> replies.put(key,
                    commands.set(tag.stored(key), value, args).toCompletableFuture()));
        } catch (RuntimeException e) {
            return errors.failed(e, "setMany", null);
        }
        return CompletableFuture.allOf(replies.values().toArray(new CompletableFuture<?>[0])).handle((ok, error) -> {
            List<String> failed = new ArrayList<>();
            for (Map.Entry<String, CompletableFuture<String>> reply : replies.entrySet()) {
                if (reply.getValue().isCompletedExceptionally()) {
                    Throwable cause = Futures.unwrap(reply.getValue().handle((v, e) -> e).join());
                    if (!(cause instanceof RedisCommandExecutionException)) {
                        throw errors.translate(cause, "setMany", reply.getKey());
                    }
                    failed.add(reply.getKey());
                }
            }
            return failed;
        });
    }

    /** A single-key script returning an integer. */
    CompletableFuture<Long> script(Script script, String operation, String key) {
        try {
            return errors.async(script.<Long>runAsync(commands, ScriptOutputType.INTEGER,
                    new String[] {tag.stored(key)}), operation, key);
        } catch (RuntimeException e) {
            return errors.failed(e, operation, key);
        }
    }

    /** {@code incr}: the scripted INCRBY of an existing key, or plain INCRBY when {@code script} is null. */
    CompletableFuture<Long> incr(Script script, String key, long delta) {
        CompletableFuture<Long> dispatched;
        try {
            dispatched = script == null ? commands.incrby(tag.stored(key), delta).toCompletableFuture()
                    : script.runAsync(commands, ScriptOutputType.INTEGER, new String[] {tag.stored(key)},
                            NodeClient.digits(delta));
        } catch (RuntimeException e) {
            return errors.failed(e, "incr", key);
        }
        return dispatched.handle((value, error) -> {
            if (error != null) {
                throw errors.translateValue(error, "incr", key);
            }
            return value;
        });
    }
}
