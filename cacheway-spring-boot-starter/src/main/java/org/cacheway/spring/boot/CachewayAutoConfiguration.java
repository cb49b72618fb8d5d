package org.cacheway.spring.boot;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import jakarta.servlet.Filter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Caches;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.cacheway.cache.serializer.JavaSerializer;
import org.cacheway.micrometer.CachewayCacheMetrics;
import org.cacheway.session.SessionSettings;
import org.cacheway.session.Sessions;
import org.cacheway.session.web.HttpSessionFilter;
import org.cacheway.session.web.OversizedCookie;
import org.cacheway.session.web.SessionFilter;
import org.cacheway.spring.CachewayCache;
import org.cacheway.spring.CachewayCacheManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Cacheway in a Spring Boot 4.0 application: the {@link Caches} from {@code cacheway.caches.*} on
 * one shared Lettuce {@link ClientResources}, Spring's {@link CacheManager} on them (with Micrometer's
 * cache metrics when Micrometer is present, and a health indicator per alias with actuator's health),
 * the {@link Sessions} from {@code cacheway.sessions.*}
 * and, in a servlet application, the {@link HttpSessionFilter} ahead of Spring Security. Each bean
 * backs off when the application defines its own. Ordered before Boot's cache auto-configuration,
 * so Boot does not fall back to its in-memory {@code CacheManager}.
 */
@AutoConfiguration(before = CacheAutoConfiguration.class)
@EnableConfigurationProperties(CachewayProperties.class)
public class CachewayAutoConfiguration {
    /** The registry of aliases, on the application's Lettuce resources. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Caches cachewayCaches(CachewayProperties properties, ObjectProvider<ClientResources> resources) {
        Caches.Builder builder = Caches.builder().settings(properties.toDjangoCaches());
        resources.ifAvailable(builder::resource);
        return builder.build();
    }

    /**
     * Spring's {@code CacheManager} on the caches: a Spring cache is the alias of its name, or a
     * namespace of {@code default}; the names in {@code spring.cache.cache-names} are made at start-up,
     * so Boot binds their metrics.
     */
    @Bean
    @ConditionalOnMissingBean(CacheManager.class)
    public CachewayCacheManager cacheManager(Caches caches, Environment environment) {
        List<String> names = Binder.get(environment).bind("spring.cache.cache-names", Bindable.listOf(String.class))
                .orElse(List.of());
        return CachewayCacheManager.builder(caches).initialCacheNames(names).build();
    }

    /** The sessions, Django's session engine over the caches. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "cacheway.sessions.enabled", matchIfMissing = true)
    public Sessions cachewaySessions(CachewayProperties properties, Caches caches) {
        return Sessions.from(SessionSettings.fromMap(properties.getSessions().toDjango()), caches);
    }

    /** The one set of Lettuce event loops and timers every alias shares (Spring Data Redis's too, if present). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ClientResources.class)
    static class LettuceResourcesConfiguration {
        @Bean(destroyMethod = "shutdown")
        @ConditionalOnMissingBean
        ClientResources cachewayClientResources() {
            return DefaultClientResources.create();
        }
    }

    /** Micrometer's {@code cache.gets}, {@code cache.puts}, ... for every Cacheway Spring cache Boot binds. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    static class MetricsConfiguration {
        @Bean
        CacheMeterBinderProvider<CachewayCache> cachewayCacheMeterBinderProvider() {
            return (cache, tags) -> new CachewayCacheMetrics(cache.getNativeCache(), cache.getName(), tags);
        }
    }

    /** {@code /actuator/health}'s {@code cacheway} component: one indicator per alias. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class HealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "cachewayHealthContributor")
        CompositeHealthContributor cachewayHealthContributor(Caches caches) {
            Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
            caches.aliases().forEach(alias -> indicators.put(alias, new AliasHealthIndicator(caches, alias)));
            return CompositeHealthContributor.fromMap(indicators);
        }
    }

    /** {@code request.getSession()} on Cacheway, before Spring Security's filter chain. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(Filter.class)
    @ConditionalOnBooleanProperty(name = "cacheway.sessions.enabled", matchIfMissing = true)
    static class SessionFilterConfiguration {
        @Bean
        @ConditionalOnMissingBean(HttpSessionFilter.class)
        FilterRegistrationBean<HttpSessionFilter> cachewaySessionFilter(CachewayProperties properties,
                Sessions sessions) {
            CachewayProperties.SessionProperties settings = properties.getSessions();
            SessionFilter middleware = new SessionFilter(sessions, OversizedCookie.of(settings.getCookieOversize()));
            JavaSerializer objects = new JavaSerializer(settings.getAllowedClasses());
            FilterRegistrationBean<HttpSessionFilter> registration =
                    new FilterRegistrationBean<>(new HttpSessionFilter(middleware, objects, List.of()));
            registration.setOrder(settings.getFilterOrder());
            return registration;
        }
    }
}
