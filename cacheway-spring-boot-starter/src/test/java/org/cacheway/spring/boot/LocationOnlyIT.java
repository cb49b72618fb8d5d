package org.cacheway.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.cacheway.cache.Caches;
import org.cacheway.session.Session;
import org.cacheway.session.Sessions;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.cacheway.testsupport.RespClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The starter with nothing but {@code cacheway.caches.default.location}: caches, Spring caches and sessions on Redis. */
class LocationOnlyIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(CachewayAutoConfiguration.class)
    static class App {
    }

    @Test
    void oneLocationIsEnough() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties("cacheway.caches.default.location=" + redis.get().uri(1)).run()) {
            Caches caches = context.getBean(Caches.class);
            caches.getDefault().set("greeting", "hello");
            try (RespClient raw = redis.get().server().connect()) {
                raw.call("SELECT", "1");
                assertThat(raw.call("EXISTS", ":1:greeting")).as("django-redis's key, in db 1").isEqualTo(1L);
            }

            CacheManager manager = context.getBean(CacheManager.class);
            manager.getCache("products").put("1", "tea");
            assertThat(manager.getCache("products").get("1", String.class)).isEqualTo("tea");

            Sessions sessions = context.getBean(Sessions.class);
            Session session = sessions.create();
            session.put("cart", java.util.List.of(1L, 2L));
            session.save();
            assertThat(sessions.open(session.sessionKey()).get("cart")).isEqualTo(java.util.List.of(1L, 2L));
        }
    }
}
