package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.cacheway.session.Session;
import org.cacheway.testsupport.DebianPython;
import org.junit.jupiter.api.Test;

/**
 * {@link DjangoLoginContract} with the walkthrough's settings: Debian's Django 3.2 and django-redis
 * 5.2 with its default pickle serializer (no {@code SERIALIZER} on the Django side; Cacheway names
 * django-redis's {@code PickleSerializer}). Also the expiry dates pickle carries as datetimes. Needs
 * {@code /usr/bin/python3} with Django and django-redis ({@code apt-get install python3-django-redis});
 * fails (never skips) without them.
 */
class DjangoLoginPickleIT extends DjangoLoginContract {

    @Override
    protected void requireDjango() {
        DebianPython.require("django", "django_redis");
    }

    @Override
    protected String python(String script, String... args) {
        return DebianPython.run(script, "", args);
    }

    @Override
    protected Map<String, Object> djangoCache(String location) {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", location);
    }

    @Override
    protected Map<String, Object> cachewayCache(String location) {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", location,
                "OPTIONS", Map.of("SERIALIZER", "django_redis.serializers.pickle.PickleSerializer"));
    }

    @Test
    void django32sTimedeltaExpiryArrivesAsAnAwareDate() {
        String key = (String) django("anonymous-session", Map.of("data", Map.of("n", 1), "expiry_delta", 600))
                .get("key");
        assertThat(sessions.open(key).get("_session_expiry")).isInstanceOf(OffsetDateTime.class);
    }

    @Test
    void django32ResavesAJavaDateExpiryAsTheDatetimeItStores() {
        Session session = sessions.create();
        session.setExpiry(Duration.ofSeconds(600));
        session.save();
        Map<String, Object> django = django("resave-session", Map.of("key", session.sessionKey()));
        assertThat(django).containsEntry("expiry_type", "datetime").containsEntry("aware", true);
        assertThat((Integer) django.get("age")).isBetween(590, 600);
        Session resaved = sessions.open(session.sessionKey());
        assertThat(resaved.get("django_was_here")).isEqualTo(true);
        assertThat(resaved.getExpiryAge()).isBetween(590L, 600L);
    }

    @Test
    void aDateExpiryDjangoWroteIsSavedBackByJavaAsADate() {
        String key = (String) django("anonymous-session", Map.of("data", Map.of("n", 1), "expiry_delta", 600))
                .get("key");
        Session session = sessions.open(key);
        session.put("n", 2L);
        session.save();
        Map<String, Object> django = django("resave-session", Map.of("key", key));
        assertThat(django).containsEntry("expiry_type", "datetime").containsEntry("aware", true);
        assertThat((Integer) django.get("age")).isBetween(590, 600);
    }
}
