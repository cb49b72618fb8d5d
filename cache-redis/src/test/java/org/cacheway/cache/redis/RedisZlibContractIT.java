package org.cacheway.cache.redis;

import java.util.Map;
import org.cacheway.cache.contract.CacheContractTest;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract suite with django-redis's zlib compressor named as Django names it. */
class RedisZlibContractIT extends CacheContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(2),
                "OPTIONS", Map.of("SERIALIZER", "django_redis.serializers.json.JSONSerializer",
                        "COMPRESSOR", "django_redis.compressors.zlib.ZlibCompressor"));
    }
}
