package org.cacheway.cache.redis.internal.near;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.masterreplica.StatefulRedisMasterReplicaConnection;
import java.net.SocketAddress;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.base.Stages;
import org.cacheway.cache.redis.internal.lettuce.ConnectionObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-assisted invalidation for one near cache: {@code CLIENT TRACKING ON} (with
 * {@code BCAST PREFIX} in broadcast mode) on every connection the cache reads from, sent as soon
 * as the connection is opened and again after every reconnect, and Redis's invalidation pushes
 * turned into drops of the local copy. The rules (Jedis's, and what Redis itself guarantees):
 * nothing is kept until every tracked connection confirmed tracking; a lost connection, a
 * reconnect, a new connection and the "flush everything" push (FLUSHDB, FLUSHALL, of any
 * database) drop the whole copy. On Redis Cluster tracking runs on each primary's connection
 * ({@link ClusterTracking}).
 *
 * <p>Every callback runs on Lettuce's event loop or the thread opening a connection: none blocks,
 * none waits for a reply. A server without tracking (Redis before 6) is reported once as a
 * configuration error, which the cache then raises for every operation.
 */
final class Tracking implements ConnectionObserver {
    private static final Logger LOG = LoggerFactory.getLogger(Tracking.class);
    private static final long RETRY_MILLIS = 100;

    private final NearCache near;
    private final String alias;
    private final NearCacheConfig config;
    private final TrackingArgs args;
    private final PushListener pushes = this::pushed;
    private final Map<StatefulConnection<?, ?>, Session> sessions = new IdentityHashMap<>();
    private final List<ClusterTracking> clusters = new CopyOnWriteArrayList<>();
    private volatile CacheConfigurationException refused;

    /**
     * Tracking for {@code near}; in broadcast mode Redis reports every key starting with
     * {@code prefix} (every key when it is empty).
     */
    Tracking(NearCache near, String alias, NearCacheConfig config, String prefix) {
        this.near = near;
        this.alias = alias;
        this.config = config;
        TrackingArgs tracking = TrackingArgs.Builder.enabled();
        if (config.mode() == NearCacheConfig.Mode.BROADCAST) {
            tracking.bcast();
            if (!prefix.isEmpty()) {
                tracking.prefixes(prefix);
            }
        }
        this.args = tracking;
    }

    /** The near cache this tracking keeps coherent. */
    NearCache near() {
        return near;
    }

    /** The error to raise for every operation once a server refused tracking, else null. */
    CacheConfigurationException refused() {
        return refused;
    }

    /** Whether a value of {@code key} read now would be read on a tracked connection. */
    boolean covers(String key) {
        for (ClusterTracking cluster : clusters) {
            if (!cluster.covers(key)) {
                return false;
            }
        }
        return true;
    }

    // ---- connections opened and closed by the cache's endpoints ---------------------------

    @Override
    @SuppressWarnings("unchecked")
    public void opened(StatefulConnection<String, byte[]> connection) {
        if (connection instanceof StatefulRedisClusterConnection<?, ?> cluster) {
            // not under this object's lock: the cluster's own lock is taken first on its topology events
            ClusterTracking tracked = new ClusterTracking(this, (StatefulRedisClusterConnection<String, byte[]>) cluster);
            clusters.add(tracked);
            near.suspend();
            tracked.start();
        } else if (connection instanceof StatefulRedisMasterReplicaConnection<?, ?>) {
            refuse("Lettuce's master/replica connections (READ_FROM) deliver no invalidation messages; "
                    + "read from the primary, or list the replicas in LOCATION with the default client", null);
        } else if (connection instanceof StatefulRedisConnection<?, ?> node) {
            StatefulRedisConnection<String, byte[]> single = (StatefulRedisConnection<String, byte[]>) node;
            single.addListener(pushes);
            track(single);
        }
    }

    @Override
    public void closing(StatefulConnection<String, byte[]> connection) {
        for (ClusterTracking cluster : clusters) {
            if (cluster.connection() == connection) {
                clusters.remove(cluster);
                cluster.stop();
            }
        }
        forget(connection);
    }

    private synchronized void forget(StatefulConnection<String, byte[]> connection) {
        Session session = sessions.remove(connection);
        if (session != null) {
            connection.removeListener(session);
            if (connection instanceof StatefulRedisConnection<String, byte[]> single) {
                single.removeListener(pushes);
            }
        }
        // values read through it are no longer tracked
        near.suspend();
        resumeIfConfirmed();
    }

    /** Stops tracking for good: the cache is released. */
    void release() {
        clusters.forEach(ClusterTracking::stop);
        clusters.clear();
        synchronized (this) {
            sessions.clear();
            near.suspend();
        }
    }

    // ---- sessions: one tracked connection each ---------------------------------------------

    /** One connection with tracking on it, or on its way. */
    private final class Session implements RedisConnectionStateListener {
        final StatefulRedisConnection<String, byte[]> connection;
        boolean confirmed;
        int attempt;

        Session(StatefulRedisConnection<String, byte[]> connection) {
            this.connection = connection;
        }

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
            reconnected(this);
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
            lost(this);
        }
    }

    /** Starts tracking on {@code connection}: nothing is kept until Redis confirmed it. */
    synchronized void track(StatefulRedisConnection<String, byte[]> connection) {
        if (sessions.containsKey(connection)) {
            return;
        }
        Session session = new Session(connection);
        sessions.put(connection, session);
        near.suspend();
        connection.addListener(session);
        enable(session);
    }

    /** Stops tracking {@code connection} (a cluster node that left the topology). */
    synchronized void untrack(StatefulRedisConnection<String, byte[]> connection) {
        Session session = sessions.remove(connection);
        if (session != null) {
            connection.removeListener(session);
            resumeIfConfirmed();
        }
    }

    /** Whether tracking is confirmed on {@code connection}. */
    synchronized boolean confirmed(StatefulRedisConnection<String, byte[]> connection) {
        Session session = sessions.get(connection);
        return session != null && session.confirmed;
    }

    /** Sends {@code CLIENT TRACKING}; called with the lock held, never waits for the reply. */
    private void enable(Session session) {
        int attempt = ++session.attempt;
        try {
            session.connection.async().clientTracking(args)
                    .whenComplete((reply, error) -> enabled(session, attempt, error));
        } catch (RuntimeException e) {
            enabled(session, attempt, e);
        }
    }

    private synchronized void enabled(Session session, int attempt, Throwable error) {
        if (sessions.get(session.connection) != session || session.attempt != attempt) {
            return;
        }
        if (error == null) {
            session.confirmed = true;
            resumeIfConfirmed();
            return;
        }
        Throwable cause = Stages.unwrap(error);
        if (cause instanceof RedisCommandExecutionException) {
            refuse("the server refused CLIENT TRACKING (" + cause.getMessage() + "): the near cache needs Redis 6 "
                    + "or later on a RESP3 connection", cause);
        } else if (session.connection.isOpen()) {
            // a timeout or a hiccup on a live connection: try again shortly (a reconnect also does)
            session.connection.getResources().eventExecutorGroup()
                    .schedule(() -> retry(session, attempt), RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void retry(Session session, int attempt) {
        if (sessions.get(session.connection) == session && session.attempt == attempt && !session.confirmed) {
            enable(session);
        }
    }

    private synchronized void lost(Session session) {
        if (sessions.get(session.connection) == session) {
            session.confirmed = false;
            session.attempt++;
            near.suspend();
        }
    }

    private synchronized void reconnected(Session session) {
        if (sessions.get(session.connection) == session) {
            session.confirmed = false;
            near.suspend();
            enable(session);
        }
    }

    /** Resumes keeping values once every tracked connection (at least one) confirmed tracking. */
    synchronized void resumeIfConfirmed() {
        if (refused != null || sessions.isEmpty()) {
            return;
        }
        for (Session session : sessions.values()) {
            if (!session.confirmed) {
                return;
            }
        }
        for (ClusterTracking cluster : clusters) {
            if (!cluster.settled()) {
                return;
            }
        }
        near.resume();
    }

    private void refuse(String problem, Throwable cause) {
        CacheConfigurationException error = CacheConfigurationException.of(alias, "OPTIONS']['NEAR_CACHE",
                config.toString(), problem, cause);
        if (refused == null) {
            LOG.error("cache '{}': the near cache is unusable: {}", alias, error.getMessage());
        }
        refused = error;
        near.suspend();
    }

    // ---- invalidation messages ---------------------------------------------------------------

    /** An invalidation push: drops its keys, or everything for the null of FLUSHDB/FLUSHALL. */
    void pushed(PushMessage message) {
        if (!"invalidate".equals(message.getType())) {
            return;
        }
        List<Object> content = message.getContent(StringCodec.UTF8::decodeValue);
        Object keys = content.size() > 1 ? content.get(1) : null;
        if (keys instanceof List<?> list) {
            for (Object key : list) {
                near.invalidated(String.valueOf(key));
            }
        } else {
            near.flush();
        }
    }
}
