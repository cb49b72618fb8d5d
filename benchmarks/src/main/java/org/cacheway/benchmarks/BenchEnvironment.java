package org.cacheway.benchmarks;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.testsupport.RedisStandalone;
import org.cacheway.testsupport.RedisTopologies;

/**
 * One benchmark's world: its own {@code redis-server} (test-support, no persistence), Cacheway's
 * {@link Caches} built from the settings a user would write (django-redis's DefaultClient and JSON
 * serializer), a raw Lettuce connection to the same database, and the 10,000 preloaded keys,
 * written through Cacheway so that both sides read the same final keys and bytes. The peers'
 * clients ({@link #spring()}, {@link #redisson()}) connect to the same server on first use only,
 * so that a trial of Cacheway or raw Lettuce runs with no peer's threads or connections around.
 */
public final class BenchEnvironment implements AutoCloseable {
    /** django-redis's default client, what the workloads use. */
    public static final String DEFAULT_CLIENT = "django_redis.client.DefaultClient";
    /** django-redis's herd client, for W7 across processes. */
    public static final String HERD_CLIENT = "django_redis.client.HerdClient";
    /** System property: when true, {@link #acquire()} hands every caller one shared environment (in-process runs). */
    static final String SHARE_PROPERTY = "cacheway.bench.shareServer";

    private static BenchEnvironment shared;

    private final RedisStandalone redis;
    private final Caches caches;
    private final RedisClient rawClient;
    private final StatefulRedisConnection<String, byte[]> raw;
    private final String[] keys = new String[BenchData.KEY_COUNT];
    private final String[] finalKeys = new String[BenchData.KEY_COUNT];
    private final byte[][] storedValues = new byte[BenchData.KEY_COUNT][];
    private final Lazy<SpringPeer> spring = new Lazy<>(() -> new SpringPeer(host(), port()));
    private final Lazy<RedissonPeer> redisson = new Lazy<>(() -> new RedissonPeer(host(), port()));
    private final Lazy<JedisPeer> jedis = new Lazy<>(() -> new JedisPeer(host(), port()));
    private final Lazy<Caches> near = new Lazy<>(this::nearCaches);

    private BenchEnvironment(RedisStandalone redis) {
        this.redis = redis;
        this.caches = Caches.fromSettings(settings(redis.uri(0), DEFAULT_CLIENT));
        this.rawClient = RedisClient.create(redis.uri(0));
        this.raw = rawClient.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    /** Starts a server, connects both sides and preloads the keys. */
    public static BenchEnvironment start() {
        RedisStandalone redis = RedisTopologies.standalone();
        try {
            BenchEnvironment environment = new BenchEnvironment(redis);
            environment.preload();
            return environment;
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /**
     * An environment for one benchmark trial: a new one, or with {@value #SHARE_PROPERTY} the one
     * shared by every trial of this JVM (the smoke run, where starting a server per trial would
     * cost more than the measurements).
     */
    public static synchronized BenchEnvironment acquire() {
        if (!Boolean.getBoolean(SHARE_PROPERTY)) {
            return start();
        }
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** Closes this environment unless it is the shared one. */
    public void release() {
        synchronized (BenchEnvironment.class) {
            if (this == shared) {
                return;
            }
        }
        close();
    }

    /** Closes the shared environment, if one was started. */
    static synchronized void closeShared() {
        if (shared != null) {
            BenchEnvironment closing = shared;
            shared = null;
            closing.close();
        }
    }

    /** The Django {@code CACHES} block a user of this server would write, with {@code CLIENT_CLASS}. */
    static Map<String, Map<String, Object>> settings(String location, String clientClass) {
        return Map.of("default", Map.of(
                "BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", location,
                "OPTIONS", Map.of(
                        "CLIENT_CLASS", clientClass,
                        "SERIALIZER", "django_redis.serializers.json.JSONSerializer")));
    }

    private void preload() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < BenchData.KEY_COUNT; i++) {
            keys[i] = BenchData.key(i);
            finalKeys[i] = BenchData.finalKey(keys[i]);
            values.put(keys[i], BenchData.value(i));
        }
        if (!cache().setMany(values, Timeout.NEVER).isEmpty()) {
            throw new IllegalStateException("preload failed");
        }
        for (int from = 0; from < BenchData.KEY_COUNT; from += 1000) {
            List<KeyValue<String, byte[]>> found = raw.sync().mget(Arrays.copyOfRange(finalKeys, from, from + 1000));
            for (int k = 0; k < found.size(); k++) {
                storedValues[from + k] = found.get(k).getValueOrElse(null);
            }
        }
        byte[] expected = ("\"" + BenchData.value(0) + "\"").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (!Arrays.equals(storedValues[0], expected) || !cache().makeKey(keys[0]).equals(finalKeys[0])) {
            throw new IllegalStateException("Cacheway and the raw baseline disagree on keys or bytes");
        }
    }

    /** The default cache alias. */
    public Cache cache() {
        return caches.getDefault();
    }

    /** The cache registry, for the session engines. */
    public Caches caches() {
        return caches;
    }

    /** Another, independent cache registry on this server (its own connections), standing in for another process. */
    public Caches newCaches(String clientClass) {
        return Caches.fromSettings(settings(redis.uri(0), clientClass));
    }

    /** The raw Lettuce connection (String keys, byte[] values), shared by the baseline's threads. */
    public StatefulRedisConnection<String, byte[]> raw() {
        return raw;
    }

    /**
     * The default alias with {@code NEAR_CACHE} (its own registry and connection), every preloaded
     * key read through it until the local copy holds them all, as a warm application's would.
     */
    public Cache nearCache() {
        return near.get().getDefault();
    }

    private Caches nearCaches() {
        Map<String, Object> block = new LinkedHashMap<>(settings(redis.uri(0), DEFAULT_CLIENT).get("default"));
        Map<String, Object> options = new LinkedHashMap<>(Map.of("CLIENT_CLASS", DEFAULT_CLIENT,
                "SERIALIZER", "django_redis.serializers.json.JSONSerializer",
                "NEAR_CACHE", Map.of("MAX_ENTRIES", BenchData.KEY_COUNT)));
        block.put("OPTIONS", options);
        Caches made = Caches.fromSettings(Map.of("default", block));
        RedisCache cache = made.get("default", RedisCache.class);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (cache.nearCacheStatistics().orElseThrow().size() < BenchData.KEY_COUNT && System.nanoTime() < deadline) {
            for (String key : keys) {
                cache.get(key);
            }
        }
        return made;
    }

    /** Jedis on this server, connected on the first call. */
    public JedisPeer jedis() {
        return jedis.get();
    }

    /** Spring Data Redis on this server, connected on the first call. */
    public SpringPeer spring() {
        return spring.get();
    }

    /** Redisson on this server, connected on the first call. */
    public RedissonPeer redisson() {
        return redisson.get();
    }

    /** User key {@code i} ({@code bench:<i>}). */
    public String key(int i) {
        return keys[i];
    }

    /** Final Redis key {@code i} ({@code :1:bench:<i>}). */
    public String finalKey(int i) {
        return finalKeys[i];
    }

    /** The bytes Cacheway stored for key {@code i} (the JSON string, quotes included). */
    public byte[] storedValue(int i) {
        return storedValues[i];
    }

    /** The server's host. */
    public String host() {
        return redis.host();
    }

    /** The server's port. */
    public int port() {
        return redis.port();
    }

    @Override
    public void close() {
        try {
            spring.ifMade(SpringPeer::close);
            redisson.ifMade(RedissonPeer::close);
            jedis.ifMade(JedisPeer::close);
            near.ifMade(Caches::close);
            caches.close();
            raw.close();
            rawClient.shutdown();
        } finally {
            redis.close();
        }
    }
}
