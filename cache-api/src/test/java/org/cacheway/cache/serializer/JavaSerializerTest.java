package org.cacheway.cache.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.contract.SerializerContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JavaSerializerTest {
    /** JavaSerializer passes the serializer contract; it cannot write an object that is not Serializable. */
    @Nested
    class Contract extends SerializerContract {
        @Override
        protected Serializer serializer() {
            return new JavaSerializer();
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
    void refusesVeryDeepGraphs() {
        List<Object> deep = new ArrayList<>();
        List<Object> cursor = deep;
        for (int i = 0; i < JavaSerializer.MAX_DEPTH + 10; i++) {
            List<Object> next = new ArrayList<>();
            cursor.add(next);
            cursor = next;
        }
        JavaSerializer java = new JavaSerializer();
        byte[] bytes = java.serialize(deep);
        assertThatThrownBy(() -> java.deserialize(bytes)).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("deeper than " + JavaSerializer.MAX_DEPTH);
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
