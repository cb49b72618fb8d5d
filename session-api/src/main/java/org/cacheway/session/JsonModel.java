package org.cacheway.session;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Django's JSON data model for session values: maps with string keys, lists, strings, longs
 * (BigInteger beyond), doubles, booleans and null. Stores normalise what their decoder returns,
 * so an {@code Integer} from one decoder and a {@code Long} from another compare equal.
 */
public final class JsonModel {
    private JsonModel() {
    }

    /** A deep copy of {@code value} with integers as {@code Long} and decimals as {@code Double}. */
    public static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof Float || value instanceof BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(normalize(item)));
            return copy;
        }
        return value;
    }

    /** {@link #normalize(Object)} for a map, keys turned into strings. */
    public static Map<String, Object> normalizeMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
        return copy;
    }
}
