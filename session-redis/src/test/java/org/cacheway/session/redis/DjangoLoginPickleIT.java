package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Map;
import org.cacheway.session.Session;
import org.junit.jupiter.api.Test;

/**
 * {@link DjangoPickleLoginContract} with the walkthrough's settings: Debian's Django 3.2 and
 * django-redis 5.2 with its default pickle serializer (no {@code SERIALIZER} on the Django side;
 * Cacheway names django-redis's {@code PickleSerializer}). Also Django 3.2's datetime expiries. Needs
 * {@code /usr/bin/python3} with Django and django-redis ({@code apt-get install python3-django-redis});
 * fails (never skips) without them.
 */
class DjangoLoginPickleIT extends DjangoPickleLoginContract {

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
        String key = djangoSessionExpiringIn600();
        assertThat(sessions.open(key).get("_session_expiry")).isInstanceOf(OffsetDateTime.class);
    }

    @Test
    void aDateExpiryDjangoWroteIsSavedBackByJavaAsADate() {
        long start = System.nanoTime();
        String key = djangoSessionExpiringIn600();
        Session session = sessions.open(key);
        session.put("n", 2L);
        session.save();
        Map<String, Object> django = django("resave-session", Map.of("key", key));
        assertThat(django).containsEntry("expiry_type", "datetime").containsEntry("aware", true);
        assertAgeLeftOf600((Integer) django.get("age"), start);
    }
}
