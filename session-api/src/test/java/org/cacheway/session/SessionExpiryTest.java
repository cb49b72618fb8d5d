package org.cacheway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * {@code _session_expiry} read as seconds, as any of Django's ISO-8601 forms (item 97), or as the
 * date values a pickle serializer gives for Python datetimes.
 */
class SessionExpiryTest {
    private static final Instant MODIFICATION = Instant.parse("2026-11-24T21:08:27.992Z");

    @Test
    void django32StringsWithZAreDates() {
        assertThat(SessionExpiry.age("2026-11-24T21:18:27.992Z", MODIFICATION, 1_209_600)).isEqualTo(600L);
    }

    @Test
    void newerDjangoOffsetStringsAreDates() {
        assertThat(SessionExpiry.age("2026-11-24T21:18:27.992123+00:00", MODIFICATION, 1_209_600)).isEqualTo(600L);
        assertThat(SessionExpiry.age("2026-11-24T22:18:27.992+01:00", MODIFICATION, 1_209_600)).isEqualTo(600L);
    }

    @Test
    void naiveStringsAreUtc() {
        assertThat(SessionExpiry.date("2026-11-24T21:18:27.992", MODIFICATION, 1_209_600))
                .isEqualTo(Instant.parse("2026-11-24T21:18:27.992Z"));
    }

    @Test
    void agesAreFlooredAndNegativeInThePast() {
        assertThat(SessionExpiry.age("2026-11-24T21:08:27.491Z", MODIFICATION, 1_209_600)).isEqualTo(-1L);
    }

    @Test
    void integersAreSecondsAndZeroIsTheCookieAge() {
        assertThat(SessionExpiry.age(600L, MODIFICATION, 1_209_600)).isEqualTo(600L);
        assertThat(SessionExpiry.age(0L, MODIFICATION, 1_209_600)).isEqualTo(1_209_600L);
        assertThat(SessionExpiry.age(null, MODIFICATION, 1_209_600)).isEqualTo(1_209_600L);
    }

    @Test
    void datesAreWrittenAsPythonIsoformat() {
        assertThat(SessionExpiry.format(Instant.parse("2026-11-24T21:18:27.992123456Z")))
                .isEqualTo("2026-11-24T21:18:27.992123+00:00");
    }

    @Test
    void awareDateValuesAreDates() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-11-24T21:18:27.992Z");
        assertThat(SessionExpiry.age(utc, MODIFICATION, 1_209_600)).isEqualTo(600L);
        assertThat(SessionExpiry.age(utc.atZoneSameInstant(ZoneId.of("Europe/Paris")), MODIFICATION, 1_209_600))
                .isEqualTo(600L);
        assertThat(SessionExpiry.age(utc.toInstant(), MODIFICATION, 1_209_600)).isEqualTo(600L);
    }

    @Test
    void naiveDateValuesAreUtc() {
        assertThat(SessionExpiry.date(LocalDateTime.parse("2026-11-24T21:18:27.992"), MODIFICATION, 1_209_600))
                .isEqualTo(Instant.parse("2026-11-24T21:18:27.992Z"));
    }

    @Test
    void theDateValueIsAnAwareUtcDatetimeWithMicroseconds() {
        assertThat(SessionExpiry.dateValue(Instant.parse("2026-11-24T21:18:27.992123456Z")))
                .isEqualTo(OffsetDateTime.of(2026, 11, 24, 21, 18, 27, 992_123_000, ZoneOffset.UTC));
    }

    @Test
    void anythingElseIsADataError() {
        assertThatThrownBy(() -> SessionExpiry.age("soon", MODIFICATION, 1)).isInstanceOf(SessionDataException.class);
    }
}
