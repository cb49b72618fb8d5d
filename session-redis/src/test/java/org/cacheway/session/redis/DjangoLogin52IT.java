package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link DjangoPickleLoginContract} with Django 5.2 and its built-in Redis backend
 * ({@code django.core.cache.backends.redis.RedisCache}, redis-py, pickle protocol 5), in a venv made
 * by {@link Django52Venv}; Cacheway names the same backend with django-redis's pickle serializer at
 * {@code PICKLE_VERSION} 5. Also Django 5.2's ISO-string expiry. Fails (never skips) when the venv
 * cannot be made, saying why.
 */
class DjangoLogin52IT extends DjangoPickleLoginContract {
    private static final String BACKEND = "django.core.cache.backends.redis.RedisCache";

    @Override
    protected void requireDjango() {
        Django52Venv.python();
    }

    @Override
    protected String python(String script, String... args) {
        return Django52Venv.run(script, args);
    }

    @Override
    protected Map<String, Object> djangoCache(String location) {
        return Map.of("BACKEND", BACKEND, "LOCATION", location);
    }

    @Override
    protected Map<String, Object> cachewayCache(String location) {
        return Map.of("BACKEND", BACKEND, "LOCATION", location, "OPTIONS", Map.of(
                "SERIALIZER", "django_redis.serializers.pickle.PickleSerializer", "PICKLE_VERSION", 5));
    }

    @Test
    void django52sTimedeltaExpiryArrivesAsAnIsoString() {
        String key = (String) django("anonymous-session", Map.of("data", Map.of("n", 1), "expiry_delta", 600))
                .get("key");
        assertThat(sessions.open(key).get("_session_expiry")).asString().endsWith("+00:00");
    }
}
