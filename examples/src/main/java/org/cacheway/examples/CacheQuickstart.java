package org.cacheway.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.RedisCache;

/**
 * Django's cache API in Java, line by line as Django's "Basic usage" documentation shows it: the
 * cache comes from {@code cacheway.properties} (Django's {@code CACHES}), values are in Redis db 1.
 *
 * <pre>mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.cacheway.examples.CacheQuickstart</pre>
 */
public final class CacheQuickstart {
    private static final List<String> KEYS = List.of("greeting", "missing", "short-lived", "forever", "a", "b",
            "hits", "my_key", "expensive");

    private CacheQuickstart() {
    }

    /** Runs the quickstart; see {@link ExampleOptions} for the arguments. */
    public static void main(String[] args) {
        ExampleContext.main(args, CacheQuickstart::run);
    }

    /** The quickstart itself, printing each step. */
    public static void run(ExampleContext context) {
        PrintStream out = context.out();
        // from django.core.cache import cache  -- the "default" alias of CACHES
        Cache cache = context.caches().get("default");
        cache.deleteMany(KEYS);                                   // start clean, touching only our keys
        cache.version(2).delete("my_key");

        // cache.set(key, value): stored for TIMEOUT (300 s in cacheway.properties)
        cache.set("greeting", "Hello from Java!");
        out.println("get('greeting')            -> " + cache.get("greeting"));
        out.println("Redis key                  -> " + cache.makeKey("greeting")
                + "   (redis-cli " + context.redis().cliArguments() + " get '" + cache.makeKey("greeting") + "')");
        out.println("get('missing', 'default')  -> " + cache.getOrDefault("missing", "default"));

        // cache.add only stores a key that is not there yet
        out.println("add('greeting', 'other')   -> " + cache.add("greeting", "other"));

        // timeouts: seconds, None (never expire), 0 (do not store)
        cache.set("short-lived", "gone soon", Timeout.seconds(1));
        cache.set("forever", "stays", Timeout.NEVER);
        out.println("hasKey('short-lived')      -> " + cache.hasKey("short-lived"));
        sleep(1500);
        out.println("after 1.5 s                -> " + cache.hasKey("short-lived"));
        out.println("get('forever')             -> " + cache.get("forever"));

        // several keys at once
        cache.setMany(Map.of("a", 1, "b", 2));
        out.println("getMany(['a', 'b', 'c'])   -> " + new java.util.TreeMap<>(cache.getMany(List.of("a", "b", "c"))));

        // counters: incr/decr are atomic in Redis
        cache.set("hits", 0);
        cache.incr("hits");
        cache.incr("hits", 10);
        out.println("incr, incr(10), decr       -> " + cache.decr("hits"));

        // versions: the same key name under another version is another entry (:2:my_key)
        cache.set("my_key", "hello, world!", Timeout.DEFAULT);
        cache.version(2).set("my_key", "hi, world!");
        out.println("get('my_key')              -> " + cache.get("my_key"));
        out.println("get('my_key', version=2)   -> " + cache.version(2).get("my_key"));
        out.println("incrVersion('my_key')      -> " + cache.incrVersion("my_key")
                + " (the value moved to " + cache.version(2).makeKey("my_key") + ")");

        // getOrSet computes only on a miss
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            cache.getOrSet("expensive", () -> "computed " + computed.incrementAndGet() + " time(s)");
        }
        out.println("getOrSet x3                -> " + cache.get("expensive"));

        out.println("delete('greeting')         -> " + cache.delete("greeting"));

        // django-redis's extras: list the keys (SCAN, never KEYS) as stored in Redis.
        if (cache instanceof RedisCache redisCache) {
            List<String> stored = redisCache.keys("*").stream().map(cache::makeKey).sorted().toList();
            out.println("keys in Redis db " + context.redis().db() + "         -> " + stored);
        }
        out.println("Look for yourself (while this Redis runs): redis-cli " + context.redis().cliArguments() + " --scan");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
