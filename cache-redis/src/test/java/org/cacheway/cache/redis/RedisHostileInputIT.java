package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.contract.HostileInputContract;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile keys on a real Redis through the public API only, and hostile values written raw into
 * Redis, as another program sharing the server could: each read gives a value or a
 * {@link CacheSerializationException}, quickly. The value tests print a
 * {@code RELIABILITY FIGURES} line with the longest read and bound it.
 */
class RedisHostileInputIT extends HostileInputContract {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(0));
    }

    @AfterEach
    void noInjectedCommandRan() {
        assertThat(redis.get().server().call("EXISTS", "x")).isEqualTo(0L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "java"})
    void randomBytesStoredUnderAKeyReadAsAValueOrASerializationError(String serializer) {
        Random random = new Random(serializer.hashCode());
        readRawValues(serializer, () -> {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            return bytes;
        }, 500);
    }

    @Test
    void javaPayloadsThatExhaustTheReaderAreRefusedThroughGet() throws IOException {
        List<byte[]> payloads = List.of(byteArrayClaiming(Integer.MAX_VALUE), byteArrayClaiming(400_000_000),
                javaSerialized(sharedNest(100)));
        java.util.Iterator<byte[]> next = payloads.iterator();
        readRawValues("java", next::next, payloads.size());
    }

    /**
     * The longest a read of one hostile value may take: the payloads take 10 s and more, or
     * an {@code OutOfMemoryError}, without limits and under 100 ms with them; the slack is for a
     * loaded 2-core machine.
     */
    private static final long LONGEST_READ_BOUND_MILLIS = 2_000;

    /**
     * Writes {@code count} raw values under one key, reads each through a cache with
     * {@code serializer}, prints the longest read as a figure and bounds it.
     */
    private void readRawValues(String serializer, java.util.function.Supplier<byte[]> values, int count) {
        long[] longestNanos = {0};
        try (Caches registry = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(0), "OPTIONS", Map.of("SERIALIZER", serializer))))) {
            Cache raw = registry.get("default");
            String made = raw.makeKey("hostile-value");
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int i = 0; i < count; i++) {
                    byte[] value = values.get();
                    redis.get().server().call("SET", made, value);
                    long start = System.nanoTime();
                    try {
                        raw.get("hostile-value");
                    } catch (CacheSerializationException expected) {
                        // the one accepted failure
                    } catch (RuntimeException | Error e) {
                        fail("get of " + value.length + " hostile bytes with " + serializer + " threw " + e, e);
                    }
                    longestNanos[0] = Math.max(longestNanos[0], System.nanoTime() - start);
                }
            });
        }
        long longestMillis = longestNanos[0] / 1_000_000;
        System.out.printf("RELIABILITY FIGURES [hostile values, %s serializer]: %d raw values read, longest read %d ms%n",
                serializer, count, longestMillis);
        assertThat(longestMillis).as("longest read of a hostile value (ms)").isLessThan(LONGEST_READ_BOUND_MILLIS);
    }

    /** The 27-byte stream of an empty byte array, claiming {@code length} elements instead. */
    private static byte[] byteArrayClaiming(int length) throws IOException {
        byte[] stream = javaSerialized(new byte[0]);
        ByteBuffer.wrap(stream).putInt(stream.length - 4, length);
        return stream;
    }

    /** Hash sets two per level, each holding both of the next level's, so hashing walks 2^levels paths. */
    private static Set<Object> sharedNest(int levels) {
        Set<Object> root = new HashSet<>();
        Set<Object> left = root;
        Set<Object> right = new HashSet<>();
        for (int i = 0; i < levels; i++) {
            Set<Object> nextLeft = new HashSet<>(Set.of("foo"));
            Set<Object> nextRight = new HashSet<>();
            left.add(nextLeft);
            left.add(nextRight);
            right.add(nextLeft);
            right.add(nextRight);
            left = nextLeft;
            right = nextRight;
        }
        return root;
    }

    private static byte[] javaSerialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }
}
