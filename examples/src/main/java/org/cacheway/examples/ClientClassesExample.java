package org.cacheway.examples;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheException;
import org.cacheway.cache.Caches;

/**
 * django-redis's client classes ({@code OPTIONS['CLIENT_CLASS']}), one settings block each, as a
 * Django {@code CACHES} entry would hold it. Blocks this machine can serve (one Redis) are run; the
 * others are printed, with a note when Cacheway does not ship the class yet.
 *
 * <pre>mvn -q -pl examples -am test-compile exec:java -Dexec.mainClass=org.cacheway.examples.ClientClassesExample</pre>
 */
public final class ClientClassesExample {

    private ClientClassesExample() {
    }

    /** Runs the example; see {@link ExampleOptions} for the arguments. */
    public static void main(String[] args) {
        ExampleContext.main(args, ClientClassesExample::run);
    }

    /** The example itself: builds and tries each block in its own registry. */
    public static void run(ExampleContext context) {
        PrintStream out = context.out();
        ExampleRedis redis = context.redis();
        String server = "redis://" + redis.host() + ":" + redis.port();
        String primary = server + "/" + redis.db();

        // DefaultClient: one server (django-redis's default).
        tryBlock(out, "default", block("django_redis.client.DefaultClient", primary, Map.of()));
        // DefaultClient with read replicas: the first LOCATION takes writes, the others serve reads.
        // (Here the "replica" is the same server, so the example runs anywhere.)
        tryBlock(out, "replicas", block("django_redis.client.DefaultClient", List.of(primary, primary), Map.of()));
        // ShardClient: keys spread over servers by a hash ring (here two databases of one server).
        tryBlock(out, "sharded", block("django_redis.client.ShardClient",
                List.of(server + "/" + redis.db(), server + "/" + (redis.db() + 1)), Map.of()));
        // HerdClient: avoids the thundering herd with a soft expiry stored next to the value.
        tryBlock(out, "herd", block("django_redis.client.HerdClient", primary, Map.of()));
        // SentinelClient and ClusterClient need a sentinel group or a Redis Cluster: printed only.
        show(out, "sentinel", block("django_redis.client.SentinelClient", "redis://mymaster/1",
                Map.of("SENTINELS", List.of(List.of("127.0.0.1", 26379)))));
        show(out, "cluster", block("django_redis.client.ClusterClient", "redis://127.0.0.1:7000", Map.of()));
    }

    private static Map<String, Object> block(String clientClass, Object location, Map<String, Object> options) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("CLIENT_CLASS", clientClass);
        all.put("SERIALIZER", "django_redis.serializers.json.JSONSerializer");
        all.putAll(options);
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("BACKEND", "django_redis.cache.RedisCache");
        block.put("LOCATION", location);
        block.put("OPTIONS", all);
        return block;
    }

    private static void tryBlock(PrintStream out, String alias, Map<String, Object> block) {
        show(out, alias, block);
        // Each block is the "default" alias of its own registry, as it would be in its own settings.py.
        try (Caches caches = Caches.fromSettings(Map.of("default", block))) {
            Cache cache = caches.get("default");
            cache.set("client-example", "served by " + alias);
            out.println("  set/get -> " + cache.get("client-example"));
            cache.delete("client-example");
        } catch (CacheException e) {
            out.println("  not available yet: " + e.getMessage());
        }
    }

    private static void show(PrintStream out, String alias, Map<String, Object> block) {
        out.println("CACHES['" + alias + "'] = " + block);
    }
}
