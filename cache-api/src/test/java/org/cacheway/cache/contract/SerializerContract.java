package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.serializer.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of the {@link Serializer} SPI ({@code OPTIONS['SERIALIZER']}): Django's data model
 * round-trips equal (integers as {@code Long}), large values too, typed reads give the requested
 * type, and every failure is a {@link CacheSerializationException}. An implementation's test
 * class extends this and says how to make the serializer and which value it cannot write.
 */
public abstract class SerializerContract {

    /** A serializer with default options; called once per test. */
    protected abstract Serializer serializer();

    /** A value this serializer refuses to write (JSON: {@code byte[]}; Java: a non-serializable object). */
    protected abstract Object unsupportedValue();

    private Object roundTrip(Object value) {
        Serializer serializer = serializer();
        return serializer.deserialize(serializer.serialize(value));
    }

    @ParameterizedTest
    @MethodSource("org.cacheway.cache.contract.ContractSupport#dataModel")
    void valueOfTheDataModelRoundTripsEqual(Object value) {
        assertThat(roundTrip(value)).isEqualTo(value);
    }

    @Test
    void largeStringRoundTrips() {
        String large = "Iñtërnâtiônàlizætiøn 清 ".repeat(40_000);
        assertThat(roundTrip(large)).isEqualTo(large);
    }

    @Test
    void largeCollectionsRoundTrip() {
        List<Object> list = new ArrayList<>();
        Map<String, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < 20_000; i++) {
            list.add(i);
            map.put("key" + i, "value" + i);
        }
        assertThat(roundTrip(list)).isEqualTo(list);
        assertThat(roundTrip(map)).isEqualTo(map);
    }

    @Test
    void deeplyNestedValueRoundTrips() {
        List<Object> deep = new ArrayList<>(List.of("bottom"));
        for (int i = 0; i < 50; i++) {
            deep = new ArrayList<>(List.of(deep, i + 0L));
        }
        assertThat(roundTrip(deep)).isEqualTo(deep);
    }

    @Test
    void typedReadGivesTheRequestedType() {
        Serializer serializer = serializer();
        assertThat(serializer.deserialize(serializer.serialize("text"), String.class)).isEqualTo("text");
        assertThat(serializer.deserialize(serializer.serialize(42L), Long.class)).isEqualTo(42L);
        assertThat(serializer.deserialize(serializer.serialize(true), Boolean.class)).isTrue();
        assertThat((Object) serializer.deserialize(serializer.serialize(List.of("a", 1L)), List.class))
                .isEqualTo(List.of("a", 1L));
        assertThat((Object) serializer.deserialize(serializer.serialize(Map.of("k", "v")), Map.class))
                .isEqualTo(Map.of("k", "v"));
    }

    @Test
    void typedReadOfNullIsNull() {
        Serializer serializer = serializer();
        assertThat(serializer.deserialize(serializer.serialize(null), String.class)).isNull();
    }

    @Test
    void typedReadOfTheWrongTypeIsASerializationError() {
        Serializer serializer = serializer();
        byte[] text = serializer.serialize("text");
        assertThatThrownBy(() -> serializer.deserialize(text, Long.class))
                .isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void convertKeepsAValueOfTheRequestedType() {
        Serializer serializer = serializer();
        assertThat(serializer.convert("x", String.class)).isEqualTo("x");
        assertThat(serializer.convert(42L, Long.class)).isEqualTo(42L);
        assertThat(serializer.convert(null, String.class)).isNull();
    }

    @Test
    void convertToATypeTheValueDoesNotFitIsASerializationError() {
        Serializer serializer = serializer();
        assertThatThrownBy(() -> serializer.convert("abc", Long.class))
                .isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void unsupportedValueIsASerializationError() {
        Serializer serializer = serializer();
        Object value = unsupportedValue();
        assertThatThrownBy(() -> serializer.serialize(value)).isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void emptyBytesAreASerializationError() {
        Serializer serializer = serializer();
        assertThatThrownBy(() -> serializer.deserialize(new byte[0]))
                .isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void truncatedBytesAreASerializationError() {
        Serializer serializer = serializer();
        byte[] whole = serializer.serialize(Map.of("a", List.of(1L, 2L), "b", "some text"));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> serializer.deserialize(half)).isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void garbageBytesAreASerializationError() {
        Serializer serializer = serializer();
        byte[] garbage = {(byte) 0xff, 0x00, 0x13, 0x37, (byte) 0xfe, '}'};
        assertThatThrownBy(() -> serializer.deserialize(garbage)).isInstanceOf(CacheSerializationException.class);
        assertThatThrownBy(() -> serializer.deserialize(garbage, String.class))
                .isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void concurrentUseGivesEachCallerItsOwnValue() throws Exception {
        Serializer serializer = serializer();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        Map<String, Object> value = Map.of("thread", thread + 0L, "i", i + 0L,
                                "text", "x".repeat(i));
                        if (!value.equals(serializer.deserialize(serializer.serialize(value)))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
