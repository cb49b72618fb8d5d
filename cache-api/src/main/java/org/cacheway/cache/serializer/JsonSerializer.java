package org.cacheway.cache.serializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cacheway.cache.CacheSerializationException;

/** Provisional JSON serializer; replaced by the codec branch. */
public final class JsonSerializer implements Serializer {
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public byte[] serialize(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new CacheSerializationException("cannot serialize", e);
        }
    }

    @Override
    public Object deserialize(byte[] data) {
        return deserialize(data, Object.class);
    }

    @Override
    public <T> T deserialize(byte[] data, Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (Exception e) {
            throw new CacheSerializationException("cannot deserialize", e);
        }
    }

    @Override
    public <T> T convert(Object value, Class<T> type) {
        return mapper.convertValue(value, type);
    }
}
