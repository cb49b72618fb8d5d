package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.cacheway.cache.Cache;
import org.cacheway.cache.redis.RedisCache;
import org.cacheway.session.Session;
import org.cacheway.session.redis.RedisSessionStore;
import org.junit.jupiter.api.Test;

/** The consumer's own tests, on the Redis at the system property redis.location. */
class VisitsTest {
    private static final String LOCATION = System.getProperty("redis.location");

    @Test
    void countsVisitsFromAFreshRedis() {
        try (Visits visits = new Visits(LOCATION)) {
            assertEquals(1, visits.visit("home"));
            assertEquals(2, visits.visit("home"));
        }
    }

    @Test
    void keepsTheLastPageInASession() {
        try (Visits visits = new Visits(LOCATION)) {
            String key = visits.remember("cart");
            assertEquals("cart", visits.lastPage(key));
        }
    }

    @Test
    void everyCachewayJarNamesItsAutomaticModule() throws URISyntaxException {
        assertEquals("org.cacheway.cache", moduleOf(Cache.class));
        assertEquals("org.cacheway.cache.redis", moduleOf(RedisCache.class));
        assertEquals("org.cacheway.session", moduleOf(Session.class));
        assertEquals("org.cacheway.session.redis", moduleOf(RedisSessionStore.class));
    }

    /** The module name the JVM gives the jar {@code type} came from on the module path. */
    private static String moduleOf(Class<?> type) throws URISyntaxException {
        Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleReference module = ModuleFinder.of(jar).findAll().iterator().next();
        return module.descriptor().name();
    }
}
