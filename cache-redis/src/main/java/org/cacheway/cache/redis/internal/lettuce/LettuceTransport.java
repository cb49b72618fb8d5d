package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.base.SetCondition;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.redis.client.RedisScript;
import org.cacheway.cache.redis.client.ScanPage;
import org.cacheway.cache.redis.internal.Transport;

/**
 * The Lettuce transport, written once for a server and for a cluster: every command goes through
 * Lettuce's shared command interface {@link RedisClusterAsyncCommands}, which a standalone,
 * sentinel or master/replica connection implements by sending to its server and a cluster
 * connection by routing to the slot's primary (splitting multi-key commands, scanning and flushing
 * every primary). Each command costs one Lettuce future and one translated future; commands are
 * passed as non-capturing functions of the commands and one argument where the hot path allows.
 */
public final class LettuceTransport implements Transport {
    private static final String[] NO_KEYS = new String[0];
    private static final BiFunction<RedisClusterAsyncCommands<String, byte[]>, String, RedisFuture<byte[]>> GET =
            RedisClusterAsyncCommands::get;
    private static final Function<Long, Boolean> POSITIVE = count -> count != null && count > 0;
    private static final Function<Object, Boolean> STORED = reply -> reply != null;

    private final Endpoint endpoint;
    private final LettuceErrors errors;

    /** A transport sending to {@code endpoint}, its errors translated by {@code errors}. */
    public LettuceTransport(Endpoint endpoint, LettuceErrors errors) {
        this.endpoint = endpoint;
        this.errors = errors;
    }

    /**
     * Sends {@code command} with {@code argument} at once when connected, else once connected;
     * its reply mapped by {@code map}, its failure translated naming {@code operation} and {@code key}.
     */
    private <A, T, R> CompletableFuture<R> send(String operation, String key, A argument,
            BiFunction<RedisClusterAsyncCommands<String, byte[]>, A, ? extends CompletionStage<T>> command,
            Function<? super T, ? extends R> map) {
        RedisClusterAsyncCommands<String, byte[]> commands = endpoint.commands();
        if (commands == null) {
            return endpoint.connect(operation, key)
                    .thenCompose(ready -> send(operation, key, argument, command, map));
        }
        try {
            return errors.reply(command.apply(commands, argument), operation, key, false, map);
        } catch (RuntimeException e) {
            return errors.failed(e, operation, key);
        }
    }

    @Override
    public CompletableFuture<byte[]> get(String key) {
        return send("get", key, key, GET, Function.identity());
    }

    @Override
    public CompletableFuture<List<byte[]>> mget(List<String> keys) {
        return send("getMany", null, keys.toArray(NO_KEYS), RedisClusterAsyncCommands::mget, LettuceTransport::values);
    }

    private static List<byte[]> values(List<KeyValue<String, byte[]>> found) {
        List<byte[]> values = new ArrayList<>(found.size());
        for (KeyValue<String, byte[]> entry : found) {
            values.add(entry.hasValue() ? entry.getValue() : null);
        }
        return values;
    }

    /**
     * The hottest write: {@code SET} or {@code PSETEX} when unconditional (no {@code SetArgs} to
     * allocate; Lettuce deprecates PSETEX for SET PX, which Redis still runs alike), else
     * {@code SET [PX] NX|XX}.
     */
    @Override
    @SuppressWarnings("deprecation")
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        RedisClusterAsyncCommands<String, byte[]> commands = endpoint.commands();
        if (commands == null) {
            return endpoint.connect("set", key).thenCompose(ready -> set(key, value, timeout, condition));
        }
        try {
            RedisFuture<String> reply = condition != SetCondition.ALWAYS ? commands.set(key, value, args(timeout, condition))
                    : timeout.isNever() ? commands.set(key, value) : commands.psetex(key, timeout.toMillis(), value);
            return errors.reply(reply, "set", key, false, STORED);
        } catch (RuntimeException e) {
            return errors.failed(e, "set", key);
        }
    }

    private static SetArgs args(Timeout timeout, SetCondition condition) {
        SetArgs args = timeout.isNever() ? new SetArgs() : SetArgs.Builder.px(timeout.toMillis());
        return condition == SetCondition.IF_ABSENT ? args.nx() : condition == SetCondition.IF_PRESENT ? args.xx() : args;
    }

    @Override
    public CompletableFuture<List<String>> setPipelined(Map<String, byte[]> entries, Timeout timeout) {
        return send("setMany", null, entries, (commands, all) -> pipelineSets(commands, all, timeout), refused -> refused);
    }

    /** Dispatches every {@code SET} at once, then collects the keys refused by an error reply. */
    private CompletableFuture<List<String>> pipelineSets(RedisClusterAsyncCommands<String, byte[]> commands,
            Map<String, byte[]> entries, Timeout timeout) {
        SetArgs args = args(timeout, SetCondition.ALWAYS);
        Map<String, CompletableFuture<String>> replies = new LinkedHashMap<>();
        entries.forEach((key, value) -> replies.put(key, commands.set(key, value, args).toCompletableFuture()));
        return CompletableFuture.allOf(replies.values().toArray(new CompletableFuture<?>[0])).handle((ok, error) -> {
            List<String> refused = new ArrayList<>();
            for (Map.Entry<String, CompletableFuture<String>> reply : replies.entrySet()) {
                if (reply.getValue().isCompletedExceptionally()) {
                    Throwable cause = Stages.unwrap(reply.getValue().handle((v, e) -> e).join());
                    if (!(cause instanceof RedisCommandExecutionException)) {
                        throw errors.translate(cause, "setMany", reply.getKey());
                    }
                    refused.add(reply.getKey());
                }
            }
            return refused;
        });
    }

    @Override
    public CompletableFuture<Boolean> delete(String key) {
        return send("delete", key, key, RedisClusterAsyncCommands::del, POSITIVE);
    }

    @Override
    public CompletableFuture<Long> delete(List<String> keys) {
        return send("deleteMany", null, keys.toArray(NO_KEYS), RedisClusterAsyncCommands::del, Function.identity());
    }

    @Override
    public CompletableFuture<Boolean> exists(String key) {
        return send("exists", key, key, RedisClusterAsyncCommands::exists, POSITIVE);
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        RedisClusterAsyncCommands<String, byte[]> commands = endpoint.commands();
        if (commands == null) {
            return endpoint.connect("incr", key).thenCompose(ready -> incrBy(key, delta));
        }
        try {
            return errors.reply(commands.incrby(key, delta), "incr", key, true, Function.identity());
        } catch (RuntimeException e) {
            return errors.failed(e, "incr", key);
        }
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return send("pttl", key, key, RedisClusterAsyncCommands::pttl, Function.identity());
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long millis) {
        return send("pexpire", key, key, (commands, k) -> commands.pexpire(k, millis), Function.identity());
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long epochMillis) {
        return send("pexpireAt", key, key, (commands, k) -> commands.pexpireat(k, epochMillis), Function.identity());
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return send("persist", key, key, RedisClusterAsyncCommands::persist, Function.identity());
    }

    @Override
    public CompletableFuture<ScanPage> scan(String pattern, int count, ScanPage after) {
        ScanArgs args = ScanArgs.Builder.matches(pattern).limit(count);
        ScanCursor cursor = after == null ? null : (ScanCursor) after.cursor();
        return send("scan", pattern, args, (commands, a) -> cursor == null ? commands.scan(a) : commands.scan(cursor, a),
                LettuceTransport::page);
    }

    private static ScanPage page(KeyScanCursor<String> cursor) {
        return ScanPage.of(cursor.getKeys(), cursor.isFinished() ? null : cursor);
    }

    @Override
    public <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args) {
        RedisClusterAsyncCommands<String, byte[]> commands = endpoint.commands();
        String key = keys.length == 0 ? null : keys[0];
        if (commands == null) {
            return endpoint.connect(script.name(), key).thenCompose(ready -> eval(script, keys, args));
        }
        CompletableFuture<T> run;
        try {
            CompletableFuture<T> first = commands.<T>evalsha(script.sha(), script.output(), keys, args)
                    .toCompletableFuture();
            run = first.handle((value, error) -> error == null ? first
                    : Stages.unwrap(error) instanceof RedisNoScriptException
                            ? commands.<T>eval(script.source(), script.output(), keys, args).toCompletableFuture()
                            : first)
                    .thenCompose(Function.identity());
        } catch (RuntimeException e) {
            return errors.failed(e, script.name(), key);
        }
        return errors.reply(run, script.name(), key, script.valueErrors(), Function.identity());
    }

    @Override
    public CompletableFuture<Map<String, byte[]>> hgetall(String key) {
        return send("hgetall", key, key, RedisClusterAsyncCommands::hgetall, Function.identity());
    }

    @Override
    public CompletableFuture<Long> waitForReplicas(List<String> keys, int replicas, long timeoutMillis) {
        return endpoint.primariesOf(keys).thenCompose(primaries -> {
            List<CompletableFuture<Long>> acks = new ArrayList<>(primaries.size());
            primaries.forEach(primary -> acks.add(errors.reply(primary.waitForReplication(replicas, timeoutMillis),
                    "wait", null, false, Function.identity())));
            return CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0]))
                    .thenApply(all -> acks.stream().mapToLong(CompletableFuture::join).min().orElse(replicas));
        });
    }

    @Override
    public CompletableFuture<Void> flushdb() {
        return send("clear", null, null, (commands, unused) -> commands.flushdb(), ok -> null);
    }

    @Override
    public CompletableFuture<Void> connect() {
        return endpoint.connect("connect", null).thenApply(ready -> null);
    }

    @Override
    public StatefulConnection<String, byte[]> connection() {
        try {
            return endpoint.connection();
        } catch (RuntimeException e) {
            throw errors.translate(e, "connect", null);
        }
    }

    @Override
    public void disconnect() {
        endpoint.disconnect();
    }

    @Override
    public String name() {
        return endpoint.name();
    }

    @Override
    public String toString() {
        return "LettuceTransport{" + endpoint + "}";
    }
}
