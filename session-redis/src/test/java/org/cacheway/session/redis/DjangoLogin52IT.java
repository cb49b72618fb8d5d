package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.cacheway.testsupport.PythonVenv;
import org.junit.jupiter.api.Test;

/**
 * {@link DjangoPickleLoginContract} with Django 5.2 and its built-in Redis backend
 * ({@code django.core.cache.backends.redis.RedisCache}, redis-py, pickle protocol 5) in the venv of
 * test-support's {@link PythonVenv#django52()}, and the same {@code CACHES} block, unchanged, on the
 * Java side. Also Django 5.2's ISO-string expiry. Fails (never skips) when the venv cannot be made,
 * saying how to make it.
 */
class DjangoLogin52IT extends DjangoPickleLoginContract {
    private static final PythonVenv DJANGO_52 = PythonVenv.django52();

    @Override
    protected void requireDjango() {
        DJANGO_52.ensure();
    }

    @Override
    protected String python(String script, String... args) {
        return DJANGO_52.run(script, "", args);
    }

    @Override
    protected Map<String, Object> djangoCache(String location) {
        return Map.of("BACKEND", "django.core.cache.backends.redis.RedisCache", "LOCATION", location);
    }

    /** Django's block unchanged: Cacheway plays the built-in backend, pickle protocol 5 included. */
    @Override
    protected Map<String, Object> cachewayCache(String location) {
        return djangoCache(location);
    }

    @Test
    void django52sTimedeltaExpiryArrivesAsAnIsoString() {
        String key = djangoSessionExpiringIn600();
        assertThat(sessions.open(key).get("_session_expiry")).asString().endsWith("+00:00");
    }
}
