package org.cacheway.spring.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.IOException;

/**
 * Writes a bean (a record or POJO) as a JSON object whose first member is its type id
 * ({@code "@class": "com.example.Product"}), then the bean's own properties; refuses a bean whose
 * class is not allowed. Maps, lists, strings and numbers never get here, so they stay plain JSON.
 */
final class TypeIdSerializer extends StdSerializer<Object> implements ResolvableSerializer {
    private static final long serialVersionUID = 1L;

    private final transient JsonSerializer<Object> bean;
    private final transient TypeAllowList allowed;
    private transient JsonSerializer<Object> properties;

    @SuppressWarnings("unchecked")
    TypeIdSerializer(JsonSerializer<?> bean, TypeAllowList allowed) {
        super(Object.class);
        this.bean = (JsonSerializer<Object>) bean;
        this.allowed = allowed;
    }

    @Override
    public void resolve(SerializerProvider provider) throws JsonMappingException {
        if (bean instanceof ResolvableSerializer resolvable) {
            resolvable.resolve(provider);
        }
        properties = bean.unwrappingSerializer(NameTransformer.NOP);
    }

    @Override
    public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        String name = value.getClass().getName();
        if (!allowed.allows(name)) {
            throw JsonMappingException.from(provider, allowed.refusal(name));
        }
        gen.writeStartObject(value);
        gen.writeStringField(TypedJsonSerializer.TYPE_PROPERTY, name);
        properties.serialize(value, gen, provider);
        gen.writeEndObject();
    }
}
