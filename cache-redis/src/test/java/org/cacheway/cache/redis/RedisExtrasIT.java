package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.CacheValueException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.KeyFunction;
import org.cacheway.cache.Timeout;
import org.cacheway.cache.redis.client.RedisScript;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** django-redis's extras on a real server (acceptance cases 54-74 of the reference). */
class RedisExtrasIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    /** {@code prefix#version#key}, reversed by dropping up to the second {@code #} (case 70). */
    static final KeyFunction HASHES = new KeyFunction() {
        @Override
        public String makeKey(String key, String prefix, int version) {
            return prefix + "#" + version + "#" + key;
        }

        @Override
        public String reverseKey(String madeKey) {
            return madeKey.substring(madeKey.indexOf('#', madeKey.indexOf('#') + 1) + 1);
        }
    };

    private Caches caches;
    private RedisCache cache;

    @BeforeEach
    void open() {
        redis.get().flushAll();
        String location = redis.get().uri(1);
        Map<String, Map<String, Object>> aliases = new LinkedHashMap<>();
        aliases.put("default", block(location, Map.of()));
        aliases.put("star", block(location, Map.of("KEY_PREFIX", "*")));
        aliases.put("test-prefix", block(location, Map.of("KEY_PREFIX", "test-prefix")));
        aliases.put("hashes", block(location, Map.of("KEY_FUNCTION", HASHES)));
        caches = Caches.fromSettings(aliases);
        cache = redisCache("default");
    }

    private static Map<String, Object> block(String location, Map<String, Object> extra) {
        Map<String, Object> block = new LinkedHashMap<>(Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", location));
        block.putAll(extra);
        return block;
    }

    private RedisCache redisCache(String alias) {
        return (RedisCache) caches.get(alias);
    }

    @AfterEach
    void close() {
        caches.close();
    }

    private String raw(String madeKey) {
        byte[] bytes = cache.getRedisConnection().sync().get(madeKey);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    // ---- conditional set (54-58) ---------------------------------------------------------

    @Test
    void setNxStoresOnlyWhenAbsent() {
        assertThat(cache.set("test_key_nx", 1, Timeout.DEFAULT, SetMode.NX)).isTrue();
        assertThat(cache.set("test_key_nx", 2, Timeout.DEFAULT, SetMode.NX)).isFalse();
        assertThat(cache.get("test_key_nx")).isEqualTo(1L);
    }

    @Test
    void setNxWithTimeoutExpiresButLeavesAnExistingKeyAndItsTtlAlone() {
        assertThat(cache.set("fresh", 1, Timeout.seconds(2), SetMode.NX)).isTrue();
        assertThat(cache.pttl("fresh")).isBetween(1000L, 2000L);
        cache.set("kept", 1, Timeout.NEVER);
        assertThat(cache.set("kept", 2, Timeout.seconds(2), SetMode.NX)).isFalse();
        assertThat(cache.ttl("kept")).isNull();
        assertThat(cache.get("kept")).isEqualTo(1L);
    }

    @Test
    void setNxWithNegativeTimeoutNeverDeletes() {
        cache.set("k", 222, Timeout.NEVER);
        assertThat(cache.set("k", 222, Timeout.seconds(-1), SetMode.NX)).isFalse();
        assertThat(cache.get("k")).isEqualTo(222L);
        assertThat(cache.set("absent", 1, Timeout.seconds(-1), SetMode.NX)).isTrue();
        assertThat(cache.hasKey("absent")).isFalse();
    }

    @Test
    void setXxStoresOnlyWhenPresent() {
        assertThat(cache.set("k", "v", Timeout.DEFAULT, SetMode.XX)).isFalse();
        assertThat(cache.hasKey("k")).isFalse();
        cache.set("k", "old");
        assertThat(cache.set("k", "new", Timeout.DEFAULT, SetMode.XX)).isTrue();
        assertThat(cache.get("k")).isEqualTo("new");
    }

    @Test
    void subMillisecondTimeoutDeletes() {
        cache.set("k", 222, Timeout.seconds(0.00001));
        assertThat(cache.get("k")).isNull();
    }

    // ---- counters (59-61) ----------------------------------------------------------------

    @Test
    void incrPastInt64IsAValueErrorAndLeavesTheValue() {
        cache.set("num", Long.MAX_VALUE);
        assertThatThrownBy(() -> cache.incr("num"))
                .isInstanceOf(CacheValueException.class)
                .hasMessageContaining(":1:num");
        assertThat(cache.get("num")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void incrWithIgnoreKeyCheckCreatesAPersistentKey() {
        assertThat(cache.incr("num", 1, true)).isEqualTo(1L);
        assertThat(cache.incr("other", 10, true)).isEqualTo(10L);
        assertThat(cache.ttl("other")).isNull();
    }

    @Test
    void incrKeepsTheTtl() {
        cache.set("n", 1, Timeout.seconds(100));
        assertThat(cache.incr("n")).isEqualTo(2L);
        assertThat(cache.ttl("n")).isBetween(98L, 100L);
    }

    @Test
    void theClientLayerRunsScriptsAndReadsHashesForOtherStores() throws Exception {
        RedisScript save = new RedisScript("save", "redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) "
                + "return redis.call('HLEN', KEYS[1])", ScriptOutputType.INTEGER);
        Long fields = cache.client().<Long>eval(save, new String[] {"h"}, bytes("attr:a"), bytes("1"))
                .get(5, TimeUnit.SECONDS);
        assertThat(fields).isEqualTo(1L);
        Map<String, byte[]> hash = cache.client().hashGetAll("h").get(5, TimeUnit.SECONDS);
        assertThat(hash).containsOnlyKeys("attr:a");
        assertThat(new String(hash.get("attr:a"), StandardCharsets.UTF_8)).isEqualTo("1");
        assertThat(cache.client().hashGetAll("missing").get(5, TimeUnit.SECONDS)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void scriptedPrimitivesSurviveAScriptFlush() throws Exception {
        cache.set("n", 1);
        cache.getRedisConnection().sync().scriptFlush();
        assertThat(cache.incr("n")).isEqualTo(2L);
        cache.getRedisConnection().sync().scriptFlush();
        assertThat(cache.async().incr("n", 1).get()).isEqualTo(3L);
        cache.getRedisConnection().sync().scriptFlush();
        assertThat(cache.async().touch("n", Timeout.NEVER).get()).isTrue();
    }

    @Test
    void incrOnAFloatIsAValueError() {
        cache.set("f", 1.5, Timeout.seconds(100));
        assertThatThrownBy(() -> cache.incr("f")).isInstanceOf(CacheValueException.class);
        assertThat(cache.get("f")).isEqualTo(1.5);
    }

    // ---- expiry (62-66) ------------------------------------------------------------------

    @Test
    void ttlIsSecondsLeftNullWhenPersistentZeroWhenMissing() {
        cache.set("foo", "bar", Timeout.seconds(10));
        assertThat(cache.ttl("foo")).isBetween(9L, 10L);
        cache.set("forever", "bar", Timeout.NEVER);
        assertThat(cache.ttl("forever")).isNull();
        cache.set("gone", "bar", Timeout.seconds(-1));
        assertThat(cache.ttl("gone")).isZero();
        assertThat(cache.ttl("missing")).isZero();
    }

    @Test
    void pttlIsMillisecondsLeft() {
        cache.set("a", "x", Timeout.seconds(10));
        assertThat(cache.pttl("a")).isBetween(9000L, 10000L);
        cache.set("b", "x", Timeout.seconds(5.5));
        assertThat(cache.pttl("b")).isBetween(5000L, 5500L);
        cache.set("c", "x", Timeout.NEVER);
        assertThat(cache.pttl("c")).isNull();
        assertThat(cache.pttl("missing")).isZero();
    }

    @Test
    void persistRemovesTheExpiry() {
        cache.set("foo", "bar", Timeout.seconds(10));
        assertThat(cache.persist("foo")).isTrue();
        assertThat(cache.ttl("foo")).isNull();
        assertThat(cache.persist("missing")).isFalse();
    }

    @Test
    void expireAndPexpireSetTheTimeLeft() {
        cache.set("foo", "bar", Timeout.NEVER);
        assertThat(cache.expire("foo", 20)).isTrue();
        assertThat(cache.ttl("foo")).isBetween(19L, 20L);
        assertThat(cache.expire("missing", 20)).isFalse();
        assertThat(cache.pexpire("foo", 20500)).isTrue();
        assertThat(cache.pttl("foo")).isBetween(20000L, 20500L);
        assertThat(cache.pexpire("missing", 20500)).isFalse();
    }

    @Test
    void expireAtTakesAnInstantOrUnixSecondsAndAPastTimeDeletes() {
        cache.set("foo", "bar", Timeout.NEVER);
        assertThat(cache.expireAt("foo", Instant.now().plusSeconds(3600))).isTrue();
        assertThat(cache.ttl("foo")).isBetween(3598L, 3600L);
        assertThat(cache.expireAt("foo", Instant.now().getEpochSecond() + 60)).isTrue();
        assertThat(cache.ttl("foo")).isBetween(58L, 61L);
        assertThat(cache.expireAt("foo", Instant.now().minusSeconds(10))).isTrue();
        assertThat(cache.hasKey("foo")).isFalse();
        assertThat(cache.expireAt("missing", Instant.now().plusSeconds(60))).isFalse();
    }

    @Test
    void pexpireAtTakesUnixMilliseconds() {
        cache.set("foo", "bar", Timeout.NEVER);
        assertThat(cache.pexpireAt("foo", System.currentTimeMillis() + 5500)).isTrue();
        assertThat(cache.pttl("foo")).isBetween(4000L, 5500L);
        assertThat(cache.pexpireAt("missing", System.currentTimeMillis() + 5500)).isFalse();
    }

    @Test
    void extrasUseTheVersionOfTheView() {
        cache.version(2).set("k", "v", Timeout.seconds(50));
        assertThat(cache.ttl("k")).isZero();
        assertThat(cache.version(2).ttl("k")).isBetween(49L, 50L);
        assertThat(cache.version(2).persist("k")).isTrue();
    }

    // ---- patterns and scans (67-71) ------------------------------------------------------

    @Test
    void deletePatternDeletesTheMatchingKeys() {
        for (String key : List.of("foo-aa", "foo-ab", "foo-bb", "foo-bc")) {
            cache.set(key, "foo");
        }
        assertThat(cache.deletePattern("*foo-a*")).isEqualTo(2);
        assertThat(cache.keys("foo*")).containsExactlyInAnyOrder("foo-bb", "foo-bc");
        assertThat(cache.deletePattern("*foo-a*")).isZero();
    }

    @Test
    void globCharactersInThePrefixAreEscaped() {
        RedisCache star = redisCache("star");
        RedisCache other = redisCache("test-prefix");
        star.set("a", "1");
        other.set("b", "2");
        assertThat(star.keys("*")).containsExactly("a");
        assertThat(toList(star.iterKeys("*"))).containsExactly("a");
        star.deletePattern("*");
        assertThat(other.get("b")).isEqualTo("2");
        assertThat(raw("[*]:1:a")).isNull();
    }

    @Test
    void iterKeysYieldsUserKeysLazilyPageByPage() {
        for (String key : List.of("foo1", "foo2", "foo3", "bar")) {
            cache.set(key, 1);
        }
        Iterator<String> keys = cache.iterKeys("foo*", 2);
        assertThat(keys.hasNext()).isTrue();
        assertThat(toList(keys)).containsExactlyInAnyOrder("foo1", "foo2", "foo3");
    }

    @Test
    void customKeyFunctionIsReversedForKeys() {
        RedisCache hashes = redisCache("hashes");
        for (String key : List.of("foo-aa", "foo-ab", "foo-bb", "foo-bc")) {
            hashes.set(key, "foo");
        }
        hashes.deletePattern("*foo-a*");
        assertThat(hashes.getRedisConnection().sync().keys("*")).containsExactlyInAnyOrder("#1#foo-bb", "#1#foo-bc");
        assertThat(hashes.keys("foo*")).containsExactlyInAnyOrder("foo-bb", "foo-bc");
    }

    @Test
    void deleteAndDeleteManyReportWhatTheyRemoved() {
        cache.set("a", 1);
        cache.set("b", 2);
        assertThat(cache.delete("a")).isTrue();
        assertThat(cache.delete("a")).isFalse();
        cache.set("a", 1);
        assertThat(cache.deleteMany(List.of("a", "b"))).isEqualTo(2);
        assertThat(cache.deleteMany(List.of("a", "b"))).isZero();
        assertThat(cache.deleteMany(List.of())).isZero();
    }

    // ---- touch and versions (73-74) ------------------------------------------------------

    @Test
    void touchWithZeroOrNegativeDeletes() {
        cache.set("k", 222, Timeout.seconds(10));
        assertThat(cache.touch("k", Timeout.ZERO)).isTrue();
        assertThat(cache.get("k")).isNull();
        cache.set("k", 222, Timeout.seconds(10));
        assertThat(cache.touch("k", Timeout.seconds(-1))).isTrue();
        assertThat(cache.get("k")).isNull();
        assertThat(cache.touch("missing", Timeout.seconds(1))).isFalse();
    }

    @Test
    void touchNeverPersistsAndReportsThatTheKeyExisted() {
        cache.set("k", 222, Timeout.seconds(1));
        assertThat(cache.touch("k", Timeout.NEVER)).isTrue();
        assertThat(cache.ttl("k")).isNull();
        assertThat(cache.touch("k", Timeout.NEVER)).as("already persistent, still existed").isTrue();
        assertThat(cache.touch("missing", Timeout.NEVER)).isFalse();
    }

    @Test
    void touchWithTheDefaultUsesTheCacheTimeout() {
        cache.set("k", 222, Timeout.seconds(1));
        assertThat(cache.touch("k")).isTrue();
        assertThat(cache.ttl("k")).isBetween(299L, 300L);
    }

    @Test
    void incrVersionKeepsTheTtl() {
        cache.set("ivt", "x", Timeout.seconds(100));
        assertThat(cache.incrVersion("ivt")).isEqualTo(2);
        assertThat(cache.version(2).ttl("ivt")).isBetween(98L, 100L);
        cache.set("forever", "x", Timeout.NEVER);
        cache.incrVersion("forever");
        assertThat(cache.version(2).ttl("forever")).isNull();
    }

    // ---- clearing, raw access, wire format -----------------------------------------------

    @Test
    void clearFlushesTheWholeDatabase() {
        cache.getRedisConnection().sync().set("foreign", "x".getBytes(StandardCharsets.UTF_8));
        cache.set("mine", 1);
        cache.clear();
        assertThat(raw("foreign")).isNull();
        assertThat(cache.hasKey("mine")).isFalse();
    }

    @Test
    void clearPrefixRemovesOnlyThisPrefixAcrossVersions() {
        RedisCache prefixed = redisCache("test-prefix");
        prefixed.set("a", 1);
        prefixed.version(7).set("b", 2);
        cache.set("c", 3);
        cache.getRedisConnection().sync().set("foreign", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(prefixed.clearPrefix()).isEqualTo(2);
        assertThat(cache.get("c")).isEqualTo(3L);
        assertThat(raw("foreign")).isEqualTo("x");
        redisCache("star").set("d", 4);
        redisCache("star").clear(ClearMode.PREFIX);
        assertThat(cache.get("c")).isEqualTo(3L);
    }

    @Test
    void rawConnectionReachesTheSameDatabase() {
        cache.set("k", "v");
        assertThat(cache.getRedisConnection(false).sync().exists(":1:k")).isEqualTo(1L);
        assertThat(cache.client().connection(true).sync().ping()).isEqualTo("PONG");
    }

    @Test
    void integersAreStoredAsAsciiDigits() {
        cache.set("k", 42, Timeout.NEVER);
        assertThat(raw(":1:k")).isEqualTo("42");
        assertThat(cache.ttl("k")).isNull();
    }

    @Test
    void stringsAreStoredAsJson() {
        cache.set("s", "hello");
        assertThat(raw(":1:s")).isEqualTo("\"hello\"");
        cache.set("n", "42");
        assertThat(raw(":1:n")).isEqualTo("\"42\"");
    }

    @Test
    void incrWorksOnDigitsWrittenByAnotherClient() {
        cache.getRedisConnection().sync().set(":1:counter", "41".getBytes(StandardCharsets.US_ASCII));
        assertThat(cache.incr("counter")).isEqualTo(42L);
        assertThat(raw(":1:counter")).isEqualTo("42");
    }

    // ---- asynchronous twins --------------------------------------------------------------

    @Test
    void asyncExtrasMatchTheSynchronousOnes() throws Exception {
        cache.set("k", "v", Timeout.seconds(30));
        RedisAsyncExtras async = cache.asyncExtras();
        assertThat(async.ttl("k").get()).isBetween(29L, 30L);
        assertThat(async.persist("k").get()).isTrue();
        assertThat(async.pttl("k").get()).isNull();
        assertThat(async.expire("k", 10).get()).isTrue();
        assertThat(async.pttl("missing").get()).isZero();
        assertThat(async.expireAt("missing", Instant.now().plusSeconds(5)).get()).isFalse();
        assertThat(async.set("k", "w", Timeout.DEFAULT, SetMode.NX).get()).isFalse();
        assertThat(async.set("k", "w", Timeout.DEFAULT, SetMode.XX).get()).isTrue();
        assertThat(async.incr("c", 5, true).get()).isEqualTo(5L);
        assertThat(cache.get("k")).isEqualTo("w");
        assertThat(async.pexpire("k", Duration.ofSeconds(3).toMillis()).get()).isTrue();
    }

    private static List<String> toList(Iterator<String> keys) {
        List<String> list = new ArrayList<>();
        keys.forEachRemaining(list::add);
        return list;
    }
}
