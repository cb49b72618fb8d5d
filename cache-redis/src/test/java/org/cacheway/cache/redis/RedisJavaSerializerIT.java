package org.cacheway.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.cacheway.cache.Cache;
import org.cacheway.cache.Caches;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Java serializer's {@code ALLOWED_CLASSES} is accepted on Redis, so an application's own classes round-trip. */
class RedisJavaSerializerIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    /** An application class, outside the serializer's built-in allow-list. */
    record Invoice(String number, long cents, List<String> lines) implements Serializable {
    }

    @Test
    void anApplicationClassRoundTripsWhenAllowed() {
        try (Caches caches = Caches.fromSettings(Map.of("default", Map.of("BACKEND", "django_redis.cache.RedisCache",
                "LOCATION", redis.get().uri(4), "OPTIONS", Map.of("SERIALIZER", "java",
                        "ALLOWED_CLASSES", List.of(Invoice.class.getName(), "java.util.*")))))) {
            Cache cache = caches.getDefault();
            Invoice invoice = new Invoice("2026-0042", 12_550, List.of("cache", "sessions"));
            assertThat(cache.set("invoice", invoice)).isTrue();
            assertThat(cache.get("invoice", Invoice.class)).isEqualTo(invoice);
        }
    }
}
