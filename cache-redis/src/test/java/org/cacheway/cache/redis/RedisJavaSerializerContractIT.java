package org.cacheway.cache.redis;

import java.util.Map;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract suite with the Java serializer (values only Java reads, integers still as digits). */
class RedisJavaSerializerContractIT extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(3),
                "OPTIONS", Map.of("SERIALIZER", "java"));
    }
}
