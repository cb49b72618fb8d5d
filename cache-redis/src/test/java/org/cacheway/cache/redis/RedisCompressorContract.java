package org.cacheway.cache.redis;

import java.util.Map;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract suite with a compressor, named as Django names it, so that compression above the
 * minimum length and the plain fallback below it keep every cache behaviour intact. One subclass
 * per compressor, each a test class of its own so that the build can run them side by side.
 */
abstract class RedisCompressorContract extends RedisContractTest {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    /** The {@code COMPRESSOR} setting, as a Django settings file writes it. */
    abstract String compressor();

    @Override
    protected Map<String, Object> backendSettings() {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(2),
                "OPTIONS", Map.of("SERIALIZER", "django_redis.serializers.json.JSONSerializer",
                        "COMPRESSOR", compressor()));
    }
}
