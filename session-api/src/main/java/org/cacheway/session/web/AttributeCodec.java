package org.cacheway.session.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.serializer.JavaSerializer;
import org.cacheway.session.JsonModel;

/**
 * How an {@code HttpSession} attribute becomes a session value: data in Django's JSON model
 * (strings, numbers, booleans, null, string-keyed maps and lists of those) is stored as it is, so
 * a Django app reads it; any other object goes through the allow-listed {@link JavaSerializer} and
 * is stored as the one-entry map <code>{"__java__": "&lt;base64&gt;"}</code>, still JSON for Django.
 */
final class AttributeCodec {
    /** The key of the map that holds a Java-serialized attribute. */
    static final String JAVA_KEY = "__java__";

    private final JavaSerializer objects;

    AttributeCodec(JavaSerializer objects) {
        this.objects = java.util.Objects.requireNonNull(objects, "objects");
    }

    /** The session value for {@code attribute}; refuses a class outside the allow-list at once. */
    Object encode(Object attribute) {
        if (isJsonData(attribute) && !isEncoded(attribute)) {
            return JsonModel.normalize(attribute);
        }
        return Map.of(JAVA_KEY, Base64.getEncoder().encodeToString(objects.serialize(attribute)));
    }

    /** The attribute a stored session value stands for. */
    Object decode(Object stored) {
        return isEncoded(stored) ? objects.deserialize(Base64.getDecoder().decode((String) ((Map<?, ?>) stored)
                .get(JAVA_KEY))) : stored;
    }

    /** Whether {@code value} has the encoded form (a map of data that does is encoded too, to stay apart). */
    private static boolean isEncoded(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get(JAVA_KEY) instanceof String;
    }

    private static boolean isJsonData(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof Double || value instanceof Float
                || value instanceof BigDecimal) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().allMatch(e -> e.getKey() instanceof String && isJsonData(e.getValue()));
        }
        return value instanceof List<?> list && list.stream().allMatch(AttributeCodec::isJsonData);
    }
}
