package org.cacheway.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Caches;
import org.cacheway.session.SessionSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Spring's relaxed {@code cacheway.*} names become Django's settings, bound as Boot binds them. */
class CachewayPropertiesTest {
    private static CachewayProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bind("cacheway", CachewayProperties.class)
                .orElseGet(CachewayProperties::new);
    }

    @Test
    void aLocationAloneIsADjangoRedisAlias() {
        assertThat(bind(Map.of("cacheway.caches.default.location", "redis://127.0.0.1:6379/1")).toDjangoCaches())
                .isEqualTo(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                        "LOCATION", "redis://127.0.0.1:6379/1")));
    }

    @Test
    void everyCacheSettingHasItsDjangoName() {
        Map<String, Object> block = bind(Map.of(
                "cacheway.caches.default.backend", "django.core.cache.backends.locmem.LocMemCache",
                "cacheway.caches.default.location", "a,b",
                "cacheway.caches.default.timeout", "none",
                "cacheway.caches.default.key-prefix", "shop",
                "cacheway.caches.default.version", "3",
                "cacheway.caches.default.key-function", "com.example.Keys",
                "cacheway.caches.default.options.client-class", "django_redis.client.HerdClient",
                "cacheway.caches.default.options.connection-pool-kwargs.max_connections", "20"))
                .toDjangoCaches().get("default");
        assertThat(block).containsEntry("BACKEND", "django.core.cache.backends.locmem.LocMemCache")
                .containsEntry("LOCATION", java.util.List.of("a", "b")).containsEntry("TIMEOUT", "none")
                .containsEntry("KEY_PREFIX", "shop").containsEntry("VERSION", 3)
                .containsEntry("KEY_FUNCTION", "com.example.Keys")
                .containsEntry("OPTIONS", Map.of("CLIENT_CLASS", "django_redis.client.HerdClient",
                        "CONNECTION_POOL_KWARGS", Map.of("max_connections", "20")));
    }

    @Test
    void sessionSettingsAreDjangosWithoutTheirPrefix() {
        SessionSettings settings = SessionSettings.fromMap(bind(Map.of(
                "cacheway.sessions.engine", "signed_cookies",
                "cacheway.sessions.cache-alias", "sessions",
                "cacheway.sessions.cookie-age", "600",
                "cacheway.sessions.cookie-name", "sid",
                "cacheway.sessions.cookie-secure", "true",
                "cacheway.sessions.cookie-httponly", "false",
                "cacheway.sessions.cookie-samesite", "Strict",
                "cacheway.sessions.save-every-request", "true",
                "cacheway.sessions.secret-key", "s3cret")).getSessions().toDjango());
        assertThat(settings.engine()).isEqualTo(SessionSettings.SIGNED_COOKIES_ENGINE);
        assertThat(settings.cacheAlias()).isEqualTo("sessions");
        assertThat(settings.cookieAge()).isEqualTo(600);
        assertThat(settings.cookieName()).isEqualTo("sid");
        assertThat(settings.cookieSecure()).isTrue();
        assertThat(settings.cookieHttpOnly()).isFalse();
        assertThat(settings.cookieSameSite()).isEqualTo("Strict");
        assertThat(settings.saveEveryRequest()).isTrue();
        assertThat(settings.secretKey()).isEqualTo("s3cret");
    }

    @Test
    void unsetSessionSettingsKeepDjangosDefaults() {
        assertThat(bind(Map.of()).getSessions().toDjango()).isEmpty();
    }

    @Test
    void aBadValueIsCachewaysErrorNamingTheSetting() {
        CachewayProperties properties = bind(Map.of("cacheway.caches.default.location", "redis://127.0.0.1:1/0",
                "cacheway.caches.default.timeout", "soon"));
        assertThatThrownBy(() -> Caches.fromSettings(properties.toDjangoCaches()))
                .isInstanceOf(CacheConfigurationException.class).hasMessageContaining("TIMEOUT");
    }
}
