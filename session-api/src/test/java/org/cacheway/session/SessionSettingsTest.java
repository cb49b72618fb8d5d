package org.cacheway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Session settings: Django's names and defaults, loose typing, and errors naming setting and value. */
class SessionSettingsTest {

    @Test
    void defaultsAreDjangos() {
        SessionSettings settings = SessionSettings.defaults();
        assertThat(settings.engine()).isEqualTo(SessionSettings.CACHE_ENGINE);
        assertThat(settings.cacheAlias()).isEqualTo("default");
        assertThat(settings.cookieAge()).isEqualTo(1_209_600L);
        assertThat(settings.cookieName()).isEqualTo("sessionid");
        assertThat(settings.cookieDomain()).isNull();
        assertThat(settings.cookiePath()).isEqualTo("/");
        assertThat(settings.cookieSecure()).isFalse();
        assertThat(settings.cookieHttpOnly()).isTrue();
        assertThat(settings.cookieSameSite()).isEqualTo("Lax");
        assertThat(settings.saveEveryRequest()).isFalse();
        assertThat(settings.expireAtBrowserClose()).isFalse();
        assertThat(settings.secretKey()).isNull();
        assertThat(settings.strictData()).isFalse();
    }

    @Test
    void propertiesUseTheSameNamesWithPythonBooleans() {
        Properties properties = new Properties();
        properties.setProperty("SESSION_ENGINE", "django.contrib.sessions.backends.signed_cookies");
        properties.setProperty("SESSION_COOKIE_AGE", "600");
        properties.setProperty("SESSION_COOKIE_SECURE", "True");
        properties.setProperty("SESSION_COOKIE_SAMESITE", "strict");
        properties.setProperty("SESSION_COOKIE_DOMAIN", ".example.com");
        SessionSettings settings = SessionSettings.fromProperties(properties);
        assertThat(settings.engine()).isEqualTo(SessionSettings.SIGNED_COOKIES_ENGINE);
        assertThat(settings.cookieAge()).isEqualTo(600L);
        assertThat(settings.cookieSecure()).isTrue();
        assertThat(settings.cookieSameSite()).isEqualTo("Strict");
        assertThat(settings.cookieDomain()).isEqualTo(".example.com");
    }

    @Test
    void sameSiteFalseOmitsTheAttribute() {
        assertThat(SessionSettings.fromMap(Map.of("SESSION_COOKIE_SAMESITE", false)).cookieSameSite()).isNull();
        assertThat(SessionSettings.fromMap(Map.of("SESSION_COOKIE_SAMESITE", "False")).cookieSameSite()).isNull();
    }

    @Test
    void malformedValuesNameTheSettingAndValue() {
        assertThatThrownBy(() -> SessionSettings.fromMap(Map.of("SESSION_COOKIE_AGE", "two weeks")))
                .isInstanceOf(SessionConfigurationException.class)
                .hasMessage("SESSION_COOKIE_AGE = 'two weeks': expected a whole number of seconds");
        assertThatThrownBy(() -> SessionSettings.fromMap(Map.of("SESSION_COOKIE_SECURE", "maybe")))
                .hasMessage("SESSION_COOKIE_SECURE = 'maybe': expected True or False");
        assertThatThrownBy(() -> SessionSettings.fromMap(Map.of("SESSION_COOKIE_SAMESITE", "Loose")))
                .hasMessageStartingWith("SESSION_COOKIE_SAMESITE = 'Loose'");
    }

    @Test
    void djangoEnginesWithoutAnEquivalentAreRejected() {
        assertThatThrownBy(() -> SessionSettings.fromMap(Map.of("SESSION_ENGINE", "django.contrib.sessions.backends.db")))
                .isInstanceOf(SessionConfigurationException.class)
                .hasMessageStartingWith("SESSION_ENGINE = 'django.contrib.sessions.backends.db'");
    }

    @Test
    void anUnknownEngineClassIsAConfigurationError() {
        SessionSettings settings = SessionSettings.fromMap(Map.of("SESSION_ENGINE", "com.example.NoSuchStore"));
        assertThatThrownBy(() -> Sessions.from(settings, null))
                .isInstanceOf(SessionConfigurationException.class)
                .hasMessageStartingWith("SESSION_ENGINE = 'com.example.NoSuchStore': unknown session engine")
                .hasMessageContaining("django.contrib.sessions.backends.cache");
    }

    @Test
    void toStringHidesTheSecretKey() {
        assertThat(SessionSettings.fromMap(Map.of("SECRET_KEY", "s3cr3t")).toString())
                .contains("SECRET_KEY=***").doesNotContain("s3cr3t");
    }
}
