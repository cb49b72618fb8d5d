package org.cacheway.cache.serializer;

import org.cacheway.cache.codec.TestCodecs;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cacheway.cache.CacheSerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytes no serializer wrote (random, or a real value with bytes flipped, cut or repeated) give each
 * serializer's value or a {@link CacheSerializationException}: never another exception, an
 * {@code Error} or a hang. The inputs are seeded, so a failure replays.
 */
class HostileBytesTest {
    private static final int CASES = 3_000;

    @ParameterizedTest
    @ValueSource(strings = {"json", "java"})
    void randomBytesGiveAValueOrASerializationError(String name) {
        Serializer serializer = TestCodecs.serializer(name, Map.of(), "hostile");
        Random random = new Random(name.hashCode());
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            inputs.add(bytes);
        }
        readAll(serializer, inputs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "java"})
    void damagedValuesGiveAValueOrASerializationError(String name) {
        Serializer serializer = TestCodecs.serializer(name, Map.of(), "hostile");
        Random random = new Random(name.hashCode() + 1L);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("list", new ArrayList<>(List.of(1L, "two", 3.5, true)));
        value.put("nested", new LinkedHashMap<>(Map.of("k", new ArrayList<>(List.of("v")))));
        byte[] valid = serializer.serialize(value);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            byte[] damaged = valid.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            inputs.add(damaged);
            inputs.add(java.util.Arrays.copyOf(valid, random.nextInt(valid.length)));
        }
        readAll(serializer, inputs);
    }

    private static void readAll(Serializer serializer, List<byte[]> inputs) {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (byte[] input : inputs) {
                try {
                    serializer.deserialize(input);
                } catch (CacheSerializationException expected) {
                    // the one accepted failure
                } catch (RuntimeException | Error e) {
                    fail(serializer + " read " + input.length + " hostile bytes with " + e, e);
                }
            }
        });
    }
}
