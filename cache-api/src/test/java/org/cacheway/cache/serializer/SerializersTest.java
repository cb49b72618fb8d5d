package org.cacheway.cache.serializer;

import org.cacheway.cache.codec.TestCodecs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.junit.jupiter.api.Test;

class SerializersTest {
    @Test
    void resolvesShortOursAndDjangoNames() {
        assertThat(TestCodecs.serializer(null, null, "default")).isInstanceOf(JsonSerializer.class);
        assertThat(TestCodecs.serializer("json", Map.of(), "default")).isInstanceOf(JsonSerializer.class);
        assertThat(TestCodecs.serializer("django_redis.serializers.json.JSONSerializer", Map.of(), "default"))
                .isInstanceOf(JsonSerializer.class);
        assertThat(TestCodecs.serializer(JsonSerializer.class.getName(), Map.of(), "default"))
                .isInstanceOf(JsonSerializer.class);
        assertThat(TestCodecs.serializer("java", Map.of("ALLOWED_CLASSES", List.of("com.example.*")), "default"))
                .isInstanceOf(JavaSerializer.class);
        assertThat(TestCodecs.serializer(JavaSerializer.class.getName(), Map.of(), "default"))
                .isInstanceOf(JavaSerializer.class);
        assertThat(TestCodecs.serializer(Custom.class.getName(), Map.of(), "default")).isInstanceOf(Custom.class);
    }

    @Test
    void resolvesPickleByDjangoRedisShortAndClassNames() {
        for (String name : List.of("django_redis.serializers.pickle.PickleSerializer", "pickle",
                PickleSerializer.class.getName())) {
            assertThat(TestCodecs.serializer(name, Map.of(), "default")).as(name).isInstanceOf(PickleSerializer.class);
        }
    }

    @Test
    void picklesWithPickleVersionFromTheOptions() {
        Serializer s = TestCodecs.serializer("pickle", Map.of("PICKLE_VERSION", -1), "default");
        assertThat(((PickleSerializer) s).protocol()).isEqualTo(5);
    }

    @Test
    void refusesMsgpackWithAdvice() {
        String name = "django_redis.serializers.msgpack.MSGPackSerializer";
        assertThatThrownBy(() -> TestCodecs.serializer(name, Map.of(), "default"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHES['default']['OPTIONS']['SERIALIZER'] = '" + name + "'")
                .hasMessageContaining("not supported").hasMessageContaining("PickleSerializer");
    }

    @Test
    void unknownNamesNameAliasSettingAndValue() {
        for (String bad : List.of("yaml", "com.example.NoSuchSerializer", "java.lang.String",
                NoConstructor.class.getName())) {
            assertThatThrownBy(() -> TestCodecs.serializer(bad, Map.of(), "sessions")).as(bad)
                    .isInstanceOf(CacheConfigurationException.class)
                    .hasMessageStartingWith("CACHES['sessions']['OPTIONS']['SERIALIZER'] = '" + bad + "': ");
        }
    }

    /** A user serializer with a no-arg constructor. */
    public static final class Custom implements Serializer {
        @Override
        public byte[] serialize(Object value) {
            return new byte[0];
        }

        @Override
        public Object deserialize(byte[] data) {
            return null;
        }

        @Override
        public <T> T deserialize(byte[] data, Class<T> type) {
            return null;
        }

        @Override
        public <T> T convert(Object value, Class<T> type) {
            return null;
        }
    }

    /** Has no usable constructor. */
    public abstract static class NoConstructor implements Serializer {
        private NoConstructor() {
        }
    }
}
