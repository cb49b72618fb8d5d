package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cacheway.cache.CacheMissException;
import org.cacheway.cache.Caches;
import org.cacheway.cache.Timeout;
import org.cacheway.testsupport.PythonVenv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Django 5.2 with its built-in {@code django.core.cache.backends.redis.RedisCache} (redis-py, pickle
 * protocol 5, ints as digits) and Cacheway configured with the very same block share values both
 * ways. Django comes from a venv that {@link PythonVenv} makes with pip; the test fails, saying how
 * to install it, when pip cannot get it.
 */
class DjangoBuiltinBackendInteropIT extends DjangoPickleInteropContract {
    private static final PythonVenv VENV = PythonVenv.django52();

    @BeforeAll
    static void makeVenv() {
        VENV.ensure();
    }

    @Override
    String djangoBackend() {
        return "builtin";
    }

    @Override
    String runPython(String script, String... args) {
        return VENV.run(script, "", args);
    }

    @Override
    Map<String, Object> cachewayBlock(String location) {
        return Map.of("BACKEND", "django.core.cache.backends.redis.RedisCache", "LOCATION", location);
    }

    @Test
    void theUnchangedBlockWritesPickleProtocol5AndIncrRaisesOnAMissingKey() {
        try (Caches caches = Caches.fromSettings(Map.of("default", cachewayBlock(redis.get().uri(5))))) {
            RedisCache cache = (RedisCache) caches.getDefault();
            cache.set("k", "v", Timeout.NEVER);
            byte[] raw = cache.getRedisConnection().sync().get(":1:k");
            assertThat(raw).startsWith((byte) 0x80, (byte) 5);
            assertThatThrownBy(() -> cache.incr("missing")).isInstanceOf(CacheMissException.class);
        }
    }
}
