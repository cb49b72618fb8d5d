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
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.cacheway.cache.CacheServerException;
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
 * every primary). Commands are passed as non-capturing functions of the commands and one argument
 * where the hot path allows; each costs one Lettuce future and one {@link Call}, the translated
 * future, which also sends the command again after a {@code TRYAGAIN} or {@code LOADING} reply
 * ({@link ServerRetry}), once here for every command.
 *
 * <p>{@code WAIT}s are shared by concurrent writers ({@link SharedWaits}). A {@code WAIT} blocks
 * its connection until it returns, so reads sent while one is outstanding go to a second
 * connection to the same target, made on first need ({@link Endpoint#sibling()}).
 */
public final class LettuceTransport implements Transport {
    private static final String[] NO_KEYS = new String[0];
    private static final BiFunction<RedisClusterAsyncCommands<String, byte[]>, String, RedisFuture<byte[]>> GET =
            RedisClusterAsyncCommands::get;
    private static final Function<Long, Boolean> POSITIVE = count -> count != null && count > 0;
    private static final Function<Object, Boolean> STORED = reply -> reply != null;

    private final Endpoint endpoint;
    private final Endpoint sideReads;
    private final LettuceErrors errors;
    private final ServerRetry retry;
    private final SharedWaits waits = new SharedWaits();

    /** A transport sending to {@code endpoint} with the error translations and retries of {@code connector}. */
    public LettuceTransport(Endpoint endpoint, LettuceConnector connector) {
        this.endpoint = endpoint;
        this.sideReads = endpoint.sibling();
        this.errors = connector.errors();
        this.retry = connector.retry();
    }

    /** Where reads go: the endpoint, or its sibling while a WAIT blocks the endpoint's connection. */
    private Endpoint reads() {
        return waits.blocking() ? sideReads : endpoint;
    }

    /**
     * Sends {@code command} with {@code argument} to {@code target} at once when connected, else
     * once connected; its reply mapped by {@code map}, its failure translated naming
     * {@code operation} and {@code key} ({@code values}: as a value error where the reply says so).
     */
    private <A, T, R> CompletableFuture<R> send(Endpoint target, String operation, String key, boolean values,
            A argument, BiFunction<RedisClusterAsyncCommands<String, byte[]>, A, ? extends CompletionStage<T>> command,
            Function<? super T, ? extends R> map) {
        return new Call<A, T, R>(target, operation, key, values, argument, command, map).attempt();
    }

    /** {@link #send} to the endpoint, for commands that write or that must see the writes sent before them. */
    private <A, T, R> CompletableFuture<R> send(String operation, String key, A argument,
            BiFunction<RedisClusterAsyncCommands<String, byte[]>, A, ? extends CompletionStage<T>> command,
            Function<? super T, ? extends R> map) {
        return send(endpoint, operation, key, false, argument, command, map);
    }

    /** {@link #send} of a read, around any WAIT that blocks the endpoint's connection. */
    private <A, T, R> CompletableFuture<R> read(String operation, String key, A argument,
            BiFunction<RedisClusterAsyncCommands<String, byte[]>, A, ? extends CompletionStage<T>> command,
            Function<? super T, ? extends R> map) {
        return send(reads(), operation, key, false, argument, command, map);
    }

    /**
     * One command and its translated reply: the future the caller gets, completed with the mapped
     * reply or the translated failure, after sending the command again (from a Lettuce event
     * executor) while {@link ServerRetry} says so.
     */
    private final class Call<A, T, R> extends CompletableFuture<R> implements BiConsumer<T, Throwable> {
        private final Endpoint target;
        private final String operation;
        private final String key;
        private final boolean values;
        private final A argument;
        private final BiFunction<RedisClusterAsyncCommands<String, byte[]>, A, ? extends CompletionStage<T>> command;
        private final Function<? super T, ? extends R> map;
        private final long startedNanos = System.nanoTime();
        private int attempts;

        Call(Endpoint target, String operation, String key, boolean values, A argument,
                BiFunction<RedisClusterAsyncCommands<String, byte[]>, A, ? extends CompletionStage<T>> command,
                Function<? super T, ? extends R> map) {
            this.target = target;
            this.operation = operation;
            this.key = key;
            this.values = values;
            this.argument = argument;
            this.command = command;
            this.map = map;
        }

        Call<A, T, R> attempt() {
            attempts++;
            RedisClusterAsyncCommands<String, byte[]> commands = target.commands();
            if (commands == null) {
                target.connect(operation, key).whenComplete((ready, error) -> {
                    if (error != null) {
                        completeExceptionally(errors.translate(error, operation, key));
                    } else {
                        dispatch(ready);
                    }
                });
            } else {
                dispatch(commands);
            }
            return this;
        }

        private void dispatch(RedisClusterAsyncCommands<String, byte[]> commands) {
            try {
                command.apply(commands, argument).whenComplete(this);
            } catch (RuntimeException e) {
                completeExceptionally(errors.translate(e, operation, key));
            }
        }

        /** The reply of one attempt. */
        @Override
        public void accept(T reply, Throwable error) {
            if (error == null) {
                try {
                    complete(map.apply(reply));
                } catch (RuntimeException e) {
                    completeExceptionally(e);
                }
                return;
            }
            RuntimeException failure = values ? errors.translateValue(error, operation, key)
                    : errors.translate(error, operation, key);
            long delay = retry.delayMillis(failure, attempts, startedNanos);
            if (delay < 0) {
                completeExceptionally(failure);
                return;
            }
            try {
                retry.schedule(this::attempt, delay);
            } catch (RuntimeException rejected) { // the shared executors are shutting down
                completeExceptionally(failure);
            }
        }
    }

    @Override
    public CompletableFuture<byte[]> get(String key) {
        return read("get", key, key, GET, Function.identity());
    }

    @Override
    public CompletableFuture<List<byte[]>> mget(List<String> keys) {
        return read("getMany", null, keys.toArray(NO_KEYS), RedisClusterAsyncCommands::mget, LettuceTransport::values);
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
    public CompletableFuture<Boolean> set(String key, byte[] value, Timeout timeout, SetCondition condition) {
        return send("set", key, value, (commands, bytes) -> set(commands, key, bytes, timeout, condition), STORED);
    }

    @SuppressWarnings("deprecation")
    private static RedisFuture<String> set(RedisClusterAsyncCommands<String, byte[]> commands, String key,
            byte[] value, Timeout timeout, SetCondition condition) {
        return condition != SetCondition.ALWAYS ? commands.set(key, value, args(timeout, condition))
                : timeout.isNever() ? commands.set(key, value) : commands.psetex(key, timeout.toMillis(), value);
    }

    private static SetArgs args(Timeout timeout, SetCondition condition) {
        SetArgs args = timeout.isNever() ? new SetArgs() : SetArgs.Builder.px(timeout.toMillis());
        return condition == SetCondition.IF_ABSENT ? args.nx() : condition == SetCondition.IF_PRESENT ? args.xx() : args;
    }

    @Override
    public CompletableFuture<List<String>> setPipelined(Map<String, byte[]> entries, Timeout timeout) {
        return send("setMany", null, entries, (commands, all) -> pipelineSets(commands, all, timeout), refused -> refused);
    }

    /**
     * Dispatches every {@code SET} at once, then collects the keys refused by an error reply about
     * the key (an ACL's {@code NOPERM}); a reply about the server's state fails the whole call.
     */
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
                    RuntimeException failure = errors.translate(cause, "setMany", reply.getKey());
                    if (!(cause instanceof RedisCommandExecutionException)
                            || ((CacheServerException) failure).isServerState()) {
                        throw failure;
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
        return read("exists", key, key, RedisClusterAsyncCommands::exists, POSITIVE);
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long delta) {
        return send(endpoint, "incr", key, true, key, (commands, k) -> commands.incrby(k, delta), Function.identity());
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return read("pttl", key, key, RedisClusterAsyncCommands::pttl, Function.identity());
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
        return read("scan", pattern, args, (commands, a) -> cursor == null ? commands.scan(a) : commands.scan(cursor, a),
                LettuceTransport::page);
    }

    private static ScanPage page(KeyScanCursor<String> cursor) {
        return ScanPage.of(cursor.getKeys(), cursor.isFinished() ? null : cursor);
    }

    @Override
    public <T> CompletableFuture<T> eval(RedisScript script, String[] keys, byte[]... args) {
        return send(endpoint, script.name(), keys.length == 0 ? null : keys[0], script.valueErrors(), keys,
                (commands, k) -> evalsha(commands, script, k, args), Function.identity());
    }

    /** {@code EVALSHA}, then {@code EVAL} with the source when the server does not know the script. */
    private static <T> CompletableFuture<T> evalsha(RedisClusterAsyncCommands<String, byte[]> commands,
            RedisScript script, String[] keys, byte[][] args) {
        CompletableFuture<T> first = commands.<T>evalsha(script.sha(), script.output(), keys, args)
                .toCompletableFuture();
        return first.handle((value, error) -> error == null ? first
                : Stages.unwrap(error) instanceof RedisNoScriptException
                        ? commands.<T>eval(script.source(), script.output(), keys, args).toCompletableFuture()
                        : first)
                .thenCompose(Function.identity());
    }

    @Override
    public CompletableFuture<Map<String, byte[]>> hgetall(String key) {
        return read("hgetall", key, key, RedisClusterAsyncCommands::hgetall, Function.identity());
    }

    /** One WAIT per primary connection, shared with the writers that connection answered meanwhile. */
    @Override
    public CompletableFuture<Long> waitForReplicas(List<String> keys, int replicas, long timeoutMillis) {
        return endpoint.primariesOf(keys).thenCompose(primaries -> {
            List<CompletableFuture<Long>> acks = new ArrayList<>(primaries.size());
            primaries.forEach(primary -> acks.add(waits.await(primary, replicas, timeoutMillis,
                    connection -> errors.reply(connection.waitForReplication(replicas, timeoutMillis), "wait", null,
                            false, Function.identity()))));
            return CompletableFuture.allOf(acks.toArray(new CompletableFuture<?>[0]))
                    .thenApply(all -> acks.stream().mapToLong(CompletableFuture::join).min().orElse(replicas));
        });
    }

    @Override
    public CompletableFuture<Void> flushdb() {
        return send("clear", null, null, (commands, unused) -> commands.flushdb(), ok -> null);
    }

    @Override
    public CompletableFuture<Void> ping() {
        return send("ping", null, null, (commands, unused) -> commands.ping(), pong -> null);
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
        sideReads.disconnect();
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
