package org.cacheway.cache.redis.internal.lettuce;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.cacheway.cache.CacheException;

/**
 * An endpoint whose ONE shared connection is made on first use and kept for the cache's life.
 * Lettuce reconnects it by itself after an outage; {@link #disconnect()} closes it so that the
 * next command connects again. After a failed connect, callers fail at once for a short retry
 * delay instead of each waiting out its own connect timeout (what keeps fail-open fast when a
 * server is unreachable at start-up).
 *
 * @param <C> the connection type
 */
abstract class LazyEndpoint<C extends StatefulConnection<String, byte[]>> implements Endpoint {
    private final String name;
    private final ConnectFailures failures;
    private final LettuceErrors errors;
    private volatile C connection;
    private volatile RedisClusterAsyncCommands<String, byte[]> commands;
    private volatile ConnectionObserver observer = ConnectionObserver.NONE;

    LazyEndpoint(String name, ConnectFailures failures, LettuceErrors errors) {
        this.name = Objects.requireNonNull(name, "name");
        this.failures = failures;
        this.errors = errors;
    }

    /** Tells {@code observer} about every connection this endpoint opens and closes from now on. */
    final void observe(ConnectionObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** The connect failures of this endpoint, which its siblings share (they connect to the same target). */
    final ConnectFailures failures() {
        return failures;
    }

    /** The error translations of the cache. */
    final LettuceErrors errors() {
        return errors;
    }

    /**
     * Another endpoint of this kind to the same target, sharing its connect failures: what
     * {@link #sibling()} returns once it is told about the same {@link ConnectionObserver}.
     */
    abstract LazyEndpoint<C> twin();

    /**
     * {@link #twin()}, observed like this endpoint: a read sent to the sibling while a
     * {@code WAIT} holds this endpoint's connection is then tracked by the near cache like any other.
     */
    @Override
    public final Endpoint sibling() {
        LazyEndpoint<C> twin = twin();
        twin.observe(observer);
        return twin;
    }

    /** Opens the connection on this thread; Lettuce's exception when it cannot. */
    abstract C open();

    /** The asynchronous commands of an open connection. */
    abstract RedisClusterAsyncCommands<String, byte[]> commandsOf(C opened);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final RedisClusterAsyncCommands<String, byte[]> commands() {
        return commands;
    }

    @Override
    public final CompletableFuture<RedisClusterAsyncCommands<String, byte[]>> connect(String operation, String key) {
        RedisClusterAsyncCommands<String, byte[]> current = commands;
        if (current != null) {
            return CompletableFuture.completedFuture(current);
        }
        return CompletableFuture.supplyAsync(() -> commandsOf(connection())).handle((ready, error) -> {
            if (error != null) {
                throw errors.translate(error, operation, key);
            }
            return ready;
        });
    }

    @Override
    public final C connection() {
        C current = connection;
        return current != null ? current : connectNow();
    }

    private synchronized C connectNow() {
        if (connection == null) {
            failures.checkRetry();
            C made;
            try {
                made = open();
            } catch (CacheException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failures.failed(e);
            }
            failures.succeeded();
            observer.opened(made);
            commands = commandsOf(made);
            connection = made;
        }
        return connection;
    }

    @Override
    public final synchronized void disconnect() {
        C current = connection;
        connection = null;
        commands = null;
        if (current != null) {
            observer.closing(current);
            current.close();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + name + (connection != null ? ", connected" : "") + "}";
    }
}
