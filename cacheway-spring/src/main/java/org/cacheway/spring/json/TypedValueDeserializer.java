package org.cacheway.spring.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Reads a value declared as {@code Object} inside a typed bean (a field, a list element) the way the
 * untyped read does: Django's data model first, then the type ids in it resolved through the
 * allow-list. Fields of a concrete type are read by Jackson as that type, their type id ignored.
 */
final class TypedValueDeserializer extends StdDeserializer<Object> {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper PLAIN = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

    private final transient UnaryOperator<Object> resolver;

    TypedValueDeserializer(UnaryOperator<Object> resolver) {
        super(Object.class);
        this.resolver = resolver;
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        return resolver.apply(PLAIN.treeToValue(node, Object.class));
    }
}
