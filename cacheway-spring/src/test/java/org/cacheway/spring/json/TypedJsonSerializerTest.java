package org.cacheway.spring.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.cacheway.cache.Cache;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.CacheSerializationException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.contract.SerializerContract;
import org.cacheway.cache.serializer.JsonSerializer;
import org.cacheway.cache.serializer.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.cache.support.NullValue;

/** The typed JSON mode: the serializer SPI contract, typed round trips, plain JSON for Django, and the allow-list. */
class TypedJsonSerializerTest extends SerializerContract {
    record Price(long cents, String currency) {
    }

    record Product(String id, String name, Price price, List<String> tags) {
    }

    record Box(Object content) {
    }

    /** A POJO, not a record. */
    public static final class Basket {
        private final List<Product> items = new ArrayList<>();

        public List<Product> getItems() {
            return items;
        }
    }

    /** Counts its constructions, to show that a refused class is never instantiated. */
    public static final class Gadget {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();
        public String command = "rm -rf /";

        public Gadget() {
            CONSTRUCTED.incrementAndGet();
        }
    }

    private static final List<String> ALLOWED = List.of(Product.class.getName(), Price.class.getName(),
            Box.class.getName(), Basket.class.getName());

    private static final Product PRODUCT = new Product("p1", "Tea", new Price(450, "EUR"), List.of("hot", "leaf"));

    @Override
    protected Serializer serializer() {
        return new TypedJsonSerializer(ALLOWED);
    }

    @Override
    protected Object unsupportedValue() {
        return new byte[] {1, 2};
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    @Test
    void recordWithNestedRecordComesBackAsItsOwnType() {
        Serializer serializer = serializer();
        assertThat(serializer.deserialize(serializer.serialize(PRODUCT))).isEqualTo(PRODUCT);
    }

    @Test
    void recordsInsideListsAndMapsComeBackTyped() {
        Serializer serializer = serializer();
        Object value = List.of(PRODUCT, Map.of("best", PRODUCT));
        assertThat(serializer.deserialize(serializer.serialize(value))).isEqualTo(value);
    }

    @Test
    void propertyDeclaredAsObjectComesBackTyped() {
        Serializer serializer = serializer();
        Box box = new Box(new Price(1, "USD"));
        assertThat(serializer.deserialize(serializer.serialize(box))).isEqualTo(box);
    }

    @Test
    void pojoComesBackAsItsOwnType() {
        Serializer serializer = serializer();
        Basket basket = new Basket();
        basket.getItems().add(PRODUCT);
        Object read = serializer.deserialize(serializer.serialize(basket));
        assertThat(read).isInstanceOf(Basket.class);
        assertThat(((Basket) read).getItems()).containsExactly(PRODUCT);
    }

    @Test
    void springNullValueRoundTripsAsItself() {
        Serializer serializer = serializer();
        assertThat(serializer.deserialize(serializer.serialize(NullValue.INSTANCE))).isSameAs(NullValue.INSTANCE);
    }

    @Test
    void beanIsWrittenWithItsTypeIdFirstAndDjangoReadableJson() {
        String json = text(serializer().serialize(new Price(450, "EUR")));
        assertThat(json).isEqualTo("{\"@class\": \"" + Price.class.getName() + "\", \"cents\": 450, \"currency\": \"EUR\"}");
    }

    @Test
    void plainDataIsWrittenExactlyAsTheDjangoJsonSerializerWritesIt() {
        Object value = Map.of("a", List.of(1L, 2.5, "x", true));
        assertThat(serializer().serialize(value)).isEqualTo(new JsonSerializer().serialize(value));
    }

    @Test
    void typedReadGivesTheRequestedRecord() {
        Serializer serializer = serializer();
        assertThat(serializer.deserialize(serializer.serialize(PRODUCT), Product.class)).isEqualTo(PRODUCT);
    }

    @Test
    void typeIdOutsideTheAllowListIsRefusedBeforeTheClassIsInstantiated() {
        byte[] hostile = ("{\"@class\": \"" + Gadget.class.getName() + "\", \"command\": \"x\"}")
                .getBytes(StandardCharsets.UTF_8);
        int before = Gadget.CONSTRUCTED.get();
        assertThatThrownBy(() -> serializer().deserialize(hostile))
                .isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Gadget.class.getName())
                .hasMessageContaining("ALLOWED_CLASSES");
        assertThat(Gadget.CONSTRUCTED).hasValue(before);
    }

    @Test
    void typeIdOutsideTheAllowListIsRefusedInsideAnObjectProperty() {
        byte[] hostile = ("{\"@class\": \"" + Box.class.getName() + "\", \"content\": {\"@class\": \""
                + Gadget.class.getName() + "\"}}").getBytes(StandardCharsets.UTF_8);
        int before = Gadget.CONSTRUCTED.get();
        assertThatThrownBy(() -> serializer().deserialize(hostile))
                .isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Gadget.class.getName());
        assertThat(Gadget.CONSTRUCTED).hasValue(before);
    }

    @Test
    void writingABeanOutsideTheAllowListIsRefusedNamingIt() {
        assertThatThrownBy(() -> serializer().serialize(new Gadget()))
                .isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Gadget.class.getName());
    }

    @Test
    void packageEntryAllowsItsClasses() {
        Serializer serializer = new TypedJsonSerializer(List.of("org.cacheway.spring.*"));
        assertThat(serializer.deserialize(serializer.serialize(PRODUCT))).isEqualTo(PRODUCT);
    }

    @Test
    void malformedAllowListEntryIsAConfigurationError() {
        assertThatThrownBy(() -> new TypedJsonSerializer(List.of("com.*.evil")))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("com.*.evil");
    }

    @Test
    void registeredAsTypedJsonAndByItsClassNameWithTheAllowListOption() {
        for (String name : List.of("typed_json", TypedJsonSerializer.class.getName())) {
            try (Caches caches = Caches.fromSettings(Map.of("default", Map.of(
                    "BACKEND", "django.core.cache.backends.locmem.LocMemCache", "LOCATION", "typed-" + name,
                    "OPTIONS", Map.of("SERIALIZER", name, "ALLOWED_CLASSES", String.join(",", ALLOWED)))))) {
                Cache cache = caches.getDefault();
                cache.set("p", PRODUCT);
                assertThat(cache.get("p")).isEqualTo(PRODUCT);
            }
        }
    }
}
