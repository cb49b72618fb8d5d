package org.cacheway.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.resource.ClientResources;
import java.util.UUID;
import org.cacheway.cache.CacheConfigurationException;
import org.cacheway.cache.Caches;
import org.cacheway.session.Sessions;
import org.cacheway.spring.CachewayCacheManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The starter in a real (non-web) Spring Boot application, on in-memory aliases. */
class CachewayAutoConfigurationTest {
    private static final String LOCMEM = "django.core.cache.backends.locmem.LocMemCache";

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CachewayAutoConfiguration.class)
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CachewayAutoConfiguration.class)
    static class AppWithItsOwnCacheManager {
        @Bean
        CacheManager cacheManager() {
            return new ConcurrentMapCacheManager();
        }
    }

    private static ConfigurableApplicationContext run(Class<?> app, String... properties) {
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).properties(properties).run();
    }

    private static String[] locmem(String... more) {
        String[] properties = new String[more.length + 4];
        properties[0] = "cacheway.caches.default.backend=" + LOCMEM;
        properties[1] = "cacheway.caches.default.location=" + UUID.randomUUID();
        properties[2] = "cacheway.caches.other.backend=" + LOCMEM;
        properties[3] = "cacheway.caches.other.location=" + UUID.randomUUID();
        System.arraycopy(more, 0, properties, 4, more.length);
        return properties;
    }

    @Test
    void thePropertiesMakeTheCachesCacheManagerAndSessions() {
        try (ConfigurableApplicationContext context = run(App.class, locmem("spring.cache.cache-names=products",
                "cacheway.sessions.cookie-age=600"))) {
            assertThat(context.getBean(Caches.class).aliases()).containsExactlyInAnyOrder("default", "other");
            assertThat(context.getBean(CacheManager.class)).isInstanceOf(CachewayCacheManager.class);
            assertThat(context.getBean(CacheManager.class).getCacheNames()).containsExactly("products");
            assertThat(context.getBean(Sessions.class).settings().cookieAge()).isEqualTo(600);
            assertThat(context.getBeansOfType(ClientResources.class)).hasSize(1);
        }
    }

    @Test
    void eachAliasHasAHealthIndicator() {
        try (ConfigurableApplicationContext context = run(App.class, locmem())) {
            CompositeHealthContributor health = context.getBean("cachewayHealthContributor",
                    CompositeHealthContributor.class);
            for (String alias : new String[] {"default", "other"}) {
                assertThat(((HealthIndicator) health.getContributor(alias)).health().getStatus()).isEqualTo(Status.UP);
            }
        }
    }

    @Test
    void theApplicationsOwnCacheManagerWins() {
        try (ConfigurableApplicationContext context = run(AppWithItsOwnCacheManager.class, locmem())) {
            assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class);
            assertThat(context.getBeansOfType(Caches.class)).hasSize(1);
        }
    }

    @Test
    void sessionsCanBeTurnedOff() {
        try (ConfigurableApplicationContext context = run(App.class, locmem("cacheway.sessions.enabled=false"))) {
            assertThat(context.getBeansOfType(Sessions.class)).isEmpty();
        }
    }

    @Test
    void withoutADefaultAliasStartUpFailsSayingSo() {
        assertThatThrownBy(() -> run(App.class, "cacheway.caches.other.backend=" + LOCMEM).close())
                .hasRootCauseInstanceOf(CacheConfigurationException.class)
                .rootCause().hasMessageContaining("You must define a 'default' cache");
    }
}
