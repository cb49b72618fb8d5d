package org.cacheway.cache.serializer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.UUID;
import java.util.function.Function;

/**
 * Teaches Jackson Django's encodings inside POJOs and records: java.time values, {@link Duration},
 * {@link Date}, {@link BigDecimal} and {@link UUID} written as DjangoJSONEncoder's strings, and the
 * same strings (or numbers for decimals) read back into those types.
 */
final class DjangoJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    DjangoJacksonModule() {
        super("cacheway-django");
        text(Instant.class, s -> parseOffsetDateTime(s).toInstant());
        text(OffsetDateTime.class, DjangoJacksonModule::parseOffsetDateTime);
        text(ZonedDateTime.class, s -> parseOffsetDateTime(s).toZonedDateTime());
        text(LocalDateTime.class, LocalDateTime::parse);
        text(LocalDate.class, LocalDate::parse);
        text(LocalTime.class, LocalTime::parse);
        text(Duration.class, Duration::parse);
        text(Date.class, s -> Date.from(parseOffsetDateTime(s).toInstant()));
        addSerializer(BigDecimal.class, new DjangoText<>());
        addSerializer(UUID.class, new DjangoText<>());
        addSerializer(byte[].class, new JsonSerializer<byte[]>() {
            @Override
            public void serialize(byte[] value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                provider.reportMappingProblem("Object of type byte[] is not JSON serializable"
                        + " (Python raises TypeError for bytes)");
            }
        });
    }

    /** An aware datetime; a naive one (no offset) is taken as UTC. */
    static OffsetDateTime parseOffsetDateTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
        }
    }

    private <T> void text(Class<T> type, Function<String, T> parser) {
        addSerializer(type, new DjangoText<>());
        addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                if (text == null) {
                    return type.cast(ctxt.handleUnexpectedToken(type, p));
                }
                try {
                    return parser.apply(text.trim());
                } catch (RuntimeException e) {
                    return type.cast(ctxt.handleWeirdStringValue(type, text, "not a Django %s: %s",
                            type.getSimpleName(), e.getMessage()));
                }
            }
        });
    }

    /** Writes a value as its DjangoJSONEncoder string. */
    private static final class DjangoText<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DjangoFormats.format(value));
        }
    }
}
