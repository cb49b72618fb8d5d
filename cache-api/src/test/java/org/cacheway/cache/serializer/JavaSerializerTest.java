package org.cacheway.cache.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.contract.SerializerContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JavaSerializerTest {
    /** Long enough for any read on a loaded machine, short enough to stop a hang. */
    private static final Duration HANG = Duration.ofSeconds(5);

    /** JavaSerializer passes the serializer contract; it cannot write an object that is not Serializable. */
    @Nested
    class Contract extends SerializerContract {
        @Override
        /** Deep enough for the contract's 50 nested lists (JAVA_MAX_DEPTH's default of 20 would refuse them). */
        protected Serializer serializer() {
            return new JavaSerializer(List.of(), new JavaSerializer.Limits(200, 100_000, 1_000_000, Long.MAX_VALUE));
        }

        @Override
        protected Object unsupportedValue() {
            return new Object();
        }
    }

    /** Set by {@link Evil}'s readObject and by its superclass constructor: must stay false. */
    static final AtomicBoolean TOUCHED = new AtomicBoolean();

    /** Its no-arg constructor runs when a serializable subclass is instantiated by deserialization. */
    public static class EvilBase {
        public EvilBase() {
            TOUCHED.set(true);
        }
    }

    /** A class whose reading would have side effects. */
    public static class Evil extends EvilBase implements Serializable {
        private static final long serialVersionUID = 1L;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            TOUCHED.set(true);
            in.defaultReadObject();
        }
    }

    /** An allowed value class. */
    public record Cart(String owner, List<Integer> items) implements Serializable {
    }

    private static byte[] plainJavaSerialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    @Test
    void roundTripsBaseTypesWhenClosed() {
        JavaSerializer java = new JavaSerializer();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("list", new ArrayList<>(List.of(1, 2L, "x", 1.5, true)));
        map.put("date", LocalDate.of(2024, 1, 2));
        map.put("decimal", new BigDecimal("1.10"));
        map.put("immutable", List.of("a", "b"));
        map.put("set", Set.of(1));
        map.put("tree", new TreeMap<>(Map.of("k", new int[] {1, 2})));
        map.put("nested", new HashMap<>(Map.of("a", new String[] {"b"})));
        Object back = java.deserialize(java.serialize(map));
        assertThat(back).isInstanceOf(LinkedHashMap.class);
        Map<?, ?> m = (Map<?, ?>) back;
        assertThat(m.get("list")).isEqualTo(map.get("list"));
        assertThat(m.get("date")).isEqualTo(map.get("date"));
        assertThat(m.get("decimal")).isEqualTo(map.get("decimal"));
        assertThat(m.get("immutable")).isEqualTo(List.of("a", "b"));
        assertThat(m.get("set")).isEqualTo(Set.of(1));
        assertThat((int[]) ((Map<?, ?>) m.get("tree")).get("k")).containsExactly(1, 2);
        assertThat(java.deserialize(java.serialize("x"), String.class)).isEqualTo("x");
        assertThat(java.deserialize(java.serialize(null))).isNull();
    }

    @Test
    void roundTripsAllowedClasses() {
        Cart cart = new Cart("a", List.of(1));
        assertThat(new JavaSerializer(List.of(Cart.class.getName())).deserialize(
                new JavaSerializer(List.of(Cart.class.getName())).serialize(cart), Cart.class)).isEqualTo(cart);
        JavaSerializer byPackage = new JavaSerializer(Map.of("ALLOWED_CLASSES", "com.nowhere.X, org.cacheway.*"));
        assertThat(byPackage.deserialize(byPackage.serialize(cart))).isEqualTo(cart);
        JavaSerializer byList = new JavaSerializer(Map.of("ALLOWED_CLASSES", List.of(Cart.class.getName())));
        assertThat(byList.deserialize(byList.serialize(List.of(cart)))).isEqualTo(List.of(cart));
    }

    @Test
    void refusesOtherClassesBeforeInstantiatingThem() throws IOException {
        byte[] evil = plainJavaSerialize(new Evil());
        TOUCHED.set(false);
        JavaSerializer java = new JavaSerializer(List.of("org.example.*", Cart.class.getName()));
        assertThatThrownBy(() -> java.deserialize(evil)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Evil.class.getName()).hasMessageContaining("not allowed");
        byte[] nested = plainJavaSerialize(new ArrayList<>(List.of("ok", new Evil())));
        TOUCHED.set(false);
        assertThatThrownBy(() -> java.deserialize(nested)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Evil.class.getName());
        assertThat(TOUCHED).isFalse();
    }

    @Test
    void isClosedByDefault() throws IOException {
        byte[] cart = plainJavaSerialize(new Cart("a", List.of(1)));
        assertThatThrownBy(() -> new JavaSerializer().deserialize(cart))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining(Cart.class.getName());
        assertThatThrownBy(() -> new JavaSerializer(Map.of()).serialize(new Cart("a", List.of())))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining(Cart.class.getName());
        assertThatThrownBy(() -> new JavaSerializer().serialize(new Object()))
                .isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void refusesGraphsDeeperThanTwentyByDefault() throws IOException {
        JavaSerializer java = new JavaSerializer();
        assertThat(java.deserialize(java.serialize(nestedLists(20)))).isEqualTo(nestedLists(20));
        byte[] bytes = plainJavaSerialize(nestedLists(21));
        assertThatThrownBy(() -> java.deserialize(bytes)).isInstanceOf(CacheSerializationException.class)
                .hasMessage("JavaSerializer refused an object graph nested deeper than 20 (OPTIONS['JAVA_MAX_DEPTH'])");
    }

    @Test
    void graphThatCouldNotBeReadBackIsRefusedOnWrite() {
        assertThatThrownBy(() -> new JavaSerializer().serialize(nestedLists(21)))
                .isInstanceOf(CacheSerializationException.class)
                .hasMessage("cannot serialize java.util.ArrayList with Java serialization: it could not be read back:"
                        + " JavaSerializer refused an object graph nested deeper than 20 (OPTIONS['JAVA_MAX_DEPTH'])");
    }

    @Test
    void depthLimitIsSetByOptions() throws IOException {
        JavaSerializer deep = new JavaSerializer(Map.of("JAVA_MAX_DEPTH", 300));
        assertThat(deep.deserialize(deep.serialize(nestedLists(250)))).isEqualTo(nestedLists(250));
        JavaSerializer shallow = new JavaSerializer(Map.of("JAVA_MAX_DEPTH", "3"));
        assertThat(shallow.deserialize(shallow.serialize(nestedLists(3)))).isEqualTo(nestedLists(3));
        byte[] bytes = plainJavaSerialize(nestedLists(4));
        assertThatThrownBy(() -> shallow.deserialize(bytes))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("deeper than 3");
    }

    /** The 27-byte stream of an empty byte array, claiming {@code length} elements instead. */
    private static byte[] byteArrayClaiming(int length) throws IOException {
        byte[] stream = plainJavaSerialize(new byte[0]);
        ByteBuffer.wrap(stream).putInt(stream.length - 4, length);
        return stream;
    }

    @Test
    void claimOfAnArrayLargerThanTheHeapIsRefusedNotAnOutOfMemoryError() throws IOException {
        byte[] claim = byteArrayClaiming(Integer.MAX_VALUE);
        assertThat(claim).hasSize(27);
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> new JavaSerializer().deserialize(claim))
                .isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("an array of 2147483647 elements, more than 100000 (OPTIONS['JAVA_MAX_ARRAY'])"));
    }

    @Test
    void claimOfFourHundredMillionBytesIsRefusedBeforeAllocatingThem() throws IOException {
        byte[] claim = byteArrayClaiming(400_000_000);
        JavaSerializer java = new JavaSerializer();
        long before = allocatedByThisThread();
        assertThatThrownBy(() -> java.deserialize(claim)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("an array of 400000000 elements");
        assertThat(allocatedByThisThread() - before).isLessThan(10_000_000);
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void arrayLimitIsSetByOptionsAndCoversCollectionsOnRead() {
        JavaSerializer java = new JavaSerializer(Map.of("JAVA_MAX_ARRAY", 1_000));
        List<Integer> thousand = new ArrayList<>(Collections.nCopies(1_000, 7));
        assertThat(java.deserialize(java.serialize(thousand))).isEqualTo(thousand);
        thousand.add(7);
        byte[] bytes = java.serialize(thousand);
        assertThatThrownBy(() -> java.deserialize(bytes)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("an array of 1001 elements, more than 1000 (OPTIONS['JAVA_MAX_ARRAY'])");
    }

    /**
     * Wouter Coekaerts' SerialDOS: {@code levels} levels of {@code width} hash sets, every set of a
     * level holding every set of the next, so hashing the root walks {@code width^levels} paths.
     */
    private static Set<Object> sharedNest(int levels, int width) {
        Set<Object> root = new HashSet<>();
        List<Set<Object>> level = List.of(root);
        for (int i = 0; i < levels; i++) {
            List<Set<Object>> next = new ArrayList<>();
            for (int w = 0; w < width; w++) {
                Set<Object> set = new HashSet<>();
                if (w != 1) {
                    set.add(w == 0 ? "foo" : "foo" + w); // the sets of a level must differ
                }
                next.add(set);
            }
            for (Set<Object> set : level) {
                set.addAll(next);
            }
            level = next;
        }
        return root;
    }

    @Test
    void hundredLevelNestOfSharedHashSetsIsRefusedQuickly() throws IOException {
        byte[] nest = plainJavaSerialize(sharedNest(100, 2));
        assertThat(nest).hasSize(5_744);
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> new JavaSerializer().deserialize(nest))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("JAVA_MAX_"));
    }

    @Test
    void wideNestOfSharedHashSetsWithinTheDepthLimitIsRefusedQuickly() throws IOException {
        byte[] nest = plainJavaSerialize(sharedNest(18, 3));
        assertThat(nest.length).isLessThan(2_500);
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> new JavaSerializer().deserialize(nest))
                .isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("each shared one counted as often as it is reached (OPTIONS['JAVA_MAX_REFS'])"));
    }

    @Test
    void sharedObjectsCountOncePerReference() throws IOException {
        JavaSerializer java = new JavaSerializer(Map.of("JAVA_MAX_REFS", 30));
        List<Object> shared = new ArrayList<>(List.of("a", "b", "c", "d"));
        List<Object> twice = new ArrayList<>(List.of(shared, shared));
        assertThat(java.deserialize(java.serialize(twice))).isEqualTo(twice);
        byte[] bytes = plainJavaSerialize(new ArrayList<>(Collections.nCopies(10, shared)));
        assertThatThrownBy(() -> java.deserialize(bytes)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("more than 30 objects and references");
    }

    @Test
    void byteLimitIsSetByOptions() throws IOException {
        JavaSerializer java = new JavaSerializer(Map.of("JAVA_MAX_BYTES", "100"));
        assertThat(java.deserialize(java.serialize("short"))).isEqualTo("short");
        byte[] bytes = plainJavaSerialize("long".repeat(30));
        assertThatThrownBy(() -> java.deserialize(bytes)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("more than 100 (OPTIONS['JAVA_MAX_BYTES'])");
    }

    @Test
    void limitsDefaultToDepthTwentyArraysOfAHundredThousandAndAMillionReferences() {
        assertThat(new JavaSerializer(Map.of()).limits())
                .isEqualTo(new JavaSerializer.Limits(20, 100_000, 1_000_000, Long.MAX_VALUE))
                .isEqualTo(JavaSerializer.Limits.DEFAULT);
    }

    @Test
    void limitsAreReadFromOptionsAsNumbersOrDigits() {
        Map<String, Object> options = Map.of("JAVA_MAX_DEPTH", "30", "JAVA_MAX_ARRAY", 5_000,
                "JAVA_MAX_REFS", 9_000_000_000L, "JAVA_MAX_BYTES", " 65536 ");
        assertThat(new JavaSerializer(options).limits())
                .isEqualTo(new JavaSerializer.Limits(30, 5_000, 9_000_000_000L, 65_536));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JAVA_MAX_DEPTH", "JAVA_MAX_ARRAY", "JAVA_MAX_REFS", "JAVA_MAX_BYTES"})
    void limitThatIsNotAPositiveWholeNumberIsAConfigurationErrorNamingTheOption(String option) {
        for (Object bad : List.of("many", "", 0, -1, "-5", 2.5, true)) {
            String shown = bad instanceof String ? "'" + bad + "'" : String.valueOf(bad);
            assertThatThrownBy(() -> new JavaSerializer(Map.of(option, bad)))
                    .isInstanceOf(CacheConfigurationException.class)
                    .hasMessageStartingWith("OPTIONS['" + option + "'] = " + shown)
                    .hasMessageContaining("expected a whole number from 1");
        }
    }

    @Test
    void depthOrArrayLimitBeyondAnIntIsAConfigurationError() {
        assertThatThrownBy(() -> new JavaSerializer(Map.of("JAVA_MAX_DEPTH", 3_000_000_000L)))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("from 1 to 2147483647");
    }

    @Test
    void truncatedStreamIsASerializationError() {
        JavaSerializer java = new JavaSerializer();
        byte[] whole = java.serialize(new ArrayList<>(List.of("a", "b")));
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> java.deserialize(cut)).isInstanceOf(CacheSerializationException.class);
        }
    }

    @Test
    void readsTheJdkValueClassesItAllowsThroughTheGraphCheck() {
        List<Object> values = List.of(new BigInteger("123456789012345678901234567890"), new BigDecimal("-1.50"),
                UUID.randomUUID(), TimeUnit.SECONDS, LocalDateTime.of(2024, 1, 2, 3, 4),
                ZonedDateTime.of(2024, 1, 2, 3, 4, 5, 6, ZoneId.of("Europe/Paris")), Duration.ofMillis(1500),
                new LinkedList<>(List.of(1, 2)), new ArrayDeque<>(List.of("x")), new TreeSet<>(Set.of(3, 1)),
                new LinkedHashSet<>(List.of('a', 'b')), Map.of("k", List.of()), Collections.singletonList(1.5f),
                Collections.unmodifiableMap(new HashMap<>(Map.of("a", (short) 1))), new long[] {1, 2},
                new Object[] {null, "n", new char[] {'c'}}, Collections.emptySet());
        for (Object value : values) {
            JavaSerializer java = new JavaSerializer(List.of("java.util.concurrent.TimeUnit"));
            Object back = java.deserialize(java.serialize(value));
            assertThat(back).as(value.getClass().getName()).usingRecursiveComparison().isEqualTo(value);
        }
    }

    private static List<Object> nestedLists(int depth) {
        List<Object> root = new ArrayList<>();
        List<Object> cursor = root;
        for (int i = 1; i < depth; i++) {
            List<Object> next = new ArrayList<>();
            cursor.add(next);
            cursor = next;
        }
        return root;
    }

    @Test
    void reportsUndecodableBytes() {
        assertThatThrownBy(() -> new JavaSerializer().deserialize("\"hello\"".getBytes()))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("7 bytes");
        JavaSerializer java = new JavaSerializer();
        assertThatThrownBy(() -> java.deserialize(java.serialize("x"), Integer.class))
                .isInstanceOf(CacheSerializationException.class).hasMessageContaining("Integer");
    }
}
