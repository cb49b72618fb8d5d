package org.cacheway.session.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.cacheway.session.Session;
import org.junit.jupiter.api.Test;

/**
 * {@link DjangoLoginContract} for Django set-ups whose sessions are pickled, plus what pickle adds:
 * a date expiry set from Java is stored as an aware datetime, which Django reads, ages and saves
 * again (with JSON, Django 3.2 cannot re-save a date expiry at all).
 */
abstract class DjangoPickleLoginContract extends DjangoLoginContract {

    @Test
    void djangoReadsAndResavesAJavaDateExpiryAsAnAwareDatetime() {
        long start = System.nanoTime();
        Session session = sessions.create();
        session.setExpiry(Duration.ofSeconds(600));
        session.save();
        Map<String, Object> django = django("resave-session", Map.of("key", session.sessionKey()));
        assertThat(django).containsEntry("expiry_type", "datetime").containsEntry("aware", true);
        assertAgeLeftOf600((Integer) django.get("age"), start);
        Session resaved = sessions.open(session.sessionKey());
        assertThat(resaved.get("django_was_here")).isEqualTo(true);
        assertAgeLeftOf600(resaved.getExpiryAge(), start);
    }
}
