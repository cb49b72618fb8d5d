package org.cacheway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.cacheway.testsupport.RespClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the quickstart, client-class and session mains against a real Redis and checks what they print and store. */
class ExampleMainsIT {

    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    private final Console console = new Console();
    private RespClient db1;

    @BeforeEach
    void connect() {
        redis.get().flushAll();
        db1 = redis.get().server().connect();
        db1.call("SELECT", 1);
    }

    @AfterEach
    void disconnect() {
        db1.close();
    }

    private ExampleContext context() {
        return ExampleContext.open(ExampleOptions.defaults().withRedisUrl(redis.get().uri(1)), console.stream());
    }

    @Test
    void quickstartWalksThroughTheCacheApiAndLeavesItsValuesInDb1AsDjangoWouldStoreThem() {
        try (ExampleContext context = context()) {
            CacheQuickstart.run(context);
        }

        assertThat(console.text())
                .contains("Using the Redis at 127.0.0.1:" + redis.get().port() + " (db 1) from REDIS_URL.")
                .contains("get('missing', 'default')  -> default")
                .contains("add('greeting', 'other')   -> false")
                .contains("hasKey('short-lived')      -> true")
                .contains("after 1.5 s                -> false")
                .contains("getMany(['a', 'b', 'c'])   -> {a=1, b=2}")
                .contains("incr, incr(10), decr       -> 10")
                .contains("get('my_key', version=2)   -> hi, world!")
                .contains("getOrSet x3                -> computed 1 time(s)")
                .contains("keys in Redis db 1         -> [:1:a, :1:b, :1:expensive, :1:forever, :1:hits]")
                .contains("redis-cli -p " + redis.get().port() + " -n 1 --scan");
        // django-redis's JSON serializer: strings as JSON, integers as plain digits (so INCR works on them).
        assertThat(db1.call("GET", ":1:forever")).isEqualTo("\"stays\"");
        assertThat(db1.call("GET", ":1:hits")).isEqualTo("10");
        assertThat(db1.call("GET", ":2:my_key")).isEqualTo("\"hello, world!\"");
        assertThat(db1.call("EXISTS", ":1:greeting")).isEqualTo(0L);
        assertThat(db1.call("TTL", ":1:forever")).isEqualTo(-1L);
        assertThat((Long) db1.call("TTL", ":1:a")).isBetween(1L, 300L);
    }

    @Test
    void quickstartCanRunTwiceOnTheSameDatabase() {
        for (int i = 0; i < 2; i++) {
            try (ExampleContext context = context()) {
                CacheQuickstart.run(context);
            }
        }
        assertThat(console.text()).contains("getOrSet x3                -> computed 1 time(s)")
                .doesNotContain("computed 2");
    }

    @Test
    void sessionsExampleCyclesTheKeyAtLoginAndFlushesAtLogout() {
        try (ExampleContext context = context()) {
            SessionsExample.run(context);
        }

        assertThat(console.text())
                .containsPattern("stored at +-> :1:django\\.contrib\\.sessions\\.cache[a-z0-9]{32}")
                .contains("cart on the next request   -> [book, pen]")
                .contains("old record still there? false")
                .contains("_auth_user_id=42")
                .contains("after logout, record there? false");
        assertThat((List<?>) db1.call("KEYS", "*")).isEmpty();
    }

    @Test
    void clientClassesExampleRunsTheDefaultClientBlocksAndPrintsEveryBlock() {
        try (ExampleContext context = context()) {
            ClientClassesExample.run(context);
        }

        String text = console.text();
        assertThat(text).contains("set/get -> served by default", "set/get -> served by replicas",
                "CACHES['sharded']", "CACHES['herd']", "CACHES['sentinel']", "CACHES['cluster']");
        assertThat(text.lines().filter(line -> line.startsWith("CACHES[")).count()).isEqualTo(6);
        assertThat((List<?>) db1.call("KEYS", "*")).isEmpty();
    }

    @Test
    void webLoginDemoMainStartsAndStopsAfterTheGivenSeconds() throws Exception {
        long started = System.nanoTime();
        WebLoginDemo.main(new String[] {"--redis-url", redis.get().uri(1), "--port", "0", "--stop-after", "1"});
        assertThat(System.nanoTime() - started).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(60));
    }
}
