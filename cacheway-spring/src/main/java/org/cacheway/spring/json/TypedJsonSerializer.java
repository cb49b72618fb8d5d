package org.cacheway.spring.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.serializer.JsonSerializer;
import org.cacheway.cache.serializer.Serializer;
import org.springframework.cache.support.NullValue;

/**
 * JSON that brings records and POJOs back as their own type ({@code OPTIONS['SERIALIZER'] =
 * 'typed_json'}), for the values of Spring's {@code @Cacheable} methods. A bean is written as a JSON
 * object whose first member is {@code "@class"} (its class name), nested beans too; maps, lists,
 * strings, numbers, booleans and null stay the plain JSON django-redis's {@code JSONSerializer}
 * writes, byte for byte (this serializer writes through {@link JsonSerializer}), so a Django app
 * reads every value, a bean as a dict with an extra {@code "@class"} key. Spring's {@link NullValue}
 * round-trips as itself.
 *
 * <p>The classes a type id may name are an explicit allow-list ({@code OPTIONS['ALLOWED_CLASSES']}:
 * class names, or packages as {@code com.example.*}); Jackson's open default typing is never used. A
 * type id outside the list is refused, as a {@link org.cacheway.cache.CacheSerializationException}
 * naming the class, before the class is loaded; writing a bean outside the list is refused too.
 *
 * <p>Type ids are resolved where a value is untyped: the value read itself, the members of maps and
 * lists, and bean properties declared as {@code Object}. A property of a concrete type is read as
 * that type (its type id ignored); one of an interface or abstract type is not supported.
 *
 * <p>On Jackson 2, the JSON library cache-api already uses, so the mode adds no dependency and keeps
 * cache-api's Django encodings of dates, times and decimals.
 */
public final class TypedJsonSerializer implements Serializer {
    /** The member naming a bean's class. */
    public static final String TYPE_PROPERTY = "@class";
    /** {@code OPTIONS} key listing the allowed classes and packages. */
    public static final String ALLOWED_CLASSES_OPTION = "ALLOWED_CLASSES";

    private final TypeAllowList allowed;
    private final JsonSerializer json;

    /**
     * A typed JSON serializer whose type ids may name these classes.
     *
     * @param allowedClasses class names ({@code com.example.Product}) or packages ({@code com.example.*})
     * @throws org.cacheway.cache.CacheConfigurationException for an entry that is neither
     */
    public TypedJsonSerializer(Collection<String> allowedClasses) {
        this.allowed = new TypeAllowList(allowedClasses);
        SimpleModule module = new SimpleModule("cacheway-typed-json");
        module.setSerializerModifier(new TypeIds(allowed));
        module.addSerializer(NullValue.class, new NullValueSerializer());
        module.addDeserializer(Object.class, new TypedValueDeserializer(this::resolve));
        this.json = new JsonSerializer(JsonMapper.builder().addModule(module).build());
    }

    @Override
    public byte[] serialize(Object value) {
        return json.serialize(value);
    }

    @Override
    public Object deserialize(byte[] data) {
        return resolve(json.deserialize(data));
    }

    @Override
    public <T> T deserialize(byte[] data, Class<T> type) {
        return type == Object.class ? type.cast(deserialize(data)) : json.deserialize(data, type);
    }

    @Override
    public <T> T convert(Object value, Class<T> type) {
        return json.convert(resolve(value), type);
    }

    /** The value with every type id in it (outside typed beans) replaced by the object it names. */
    @SuppressWarnings("unchecked")
    private Object resolve(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.get(TYPE_PROPERTY) instanceof String name) {
                Class<?> type = allowed.load(name);
                return type == NullValue.class ? NullValue.INSTANCE : json.convert(map, type);
            }
            ((Map<Object, Object>) map).replaceAll((k, v) -> resolve(v));
        } else if (value instanceof List<?> list) {
            ((List<Object>) list).replaceAll(this::resolve);
        }
        return value;
    }

    @Override
    public String toString() {
        return "TypedJsonSerializer";
    }

    /** Gives every bean serializer its type id. */
    private static final class TypeIds extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;
        private final transient TypeAllowList allowed;

        TypeIds(TypeAllowList allowed) {
            this.allowed = allowed;
        }

        @Override
        public com.fasterxml.jackson.databind.JsonSerializer<?> modifySerializer(SerializationConfig config,
                BeanDescription description, com.fasterxml.jackson.databind.JsonSerializer<?> serializer) {
            return serializer instanceof BeanSerializerBase ? new TypeIdSerializer(serializer, allowed) : serializer;
        }
    }

    /** Spring's null marker, which has no properties: just its type id. */
    private static final class NullValueSerializer extends StdSerializer<NullValue> {
        private static final long serialVersionUID = 1L;

        NullValueSerializer() {
            super(NullValue.class);
        }

        @Override
        public void serialize(NullValue value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(value);
            gen.writeStringField(TYPE_PROPERTY, NullValue.class.getName());
            gen.writeEndObject();
        }
    }
}
