package org.cacheway.cache.redis;

import java.util.Map;
import org.cacheway.cache.contract.CacheContractTest;
import org.cacheway.testsupport.RedisExtension;
import org.cacheway.testsupport.RedisStandalone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The contract suite once per compressor, each named as Django names it, so that compression
 * above the minimum length and the plain fallback below it keep every cache behaviour intact.
 */
class RedisCompressorContractIT {
    @RegisterExtension
    static final RedisExtension<RedisStandalone> redis = RedisExtension.standalone();

    static Map<String, Object> settings(String compressor) {
        return Map.of("BACKEND", "django_redis.cache.RedisCache", "LOCATION", redis.get().uri(2),
                "OPTIONS", Map.of("SERIALIZER", "django_redis.serializers.json.JSONSerializer",
                        "COMPRESSOR", compressor));
    }

    @Nested
    class Zlib extends CacheContractTest {
        @Override
        protected Map<String, Object> backendSettings() {
            return settings("django_redis.compressors.zlib.ZlibCompressor");
        }
    }

    @Nested
    class Gzip extends CacheContractTest {
        @Override
        protected Map<String, Object> backendSettings() {
            return settings("django_redis.compressors.gzip.GzipCompressor");
        }
    }

    @Nested
    class Lzma extends CacheContractTest {
        @Override
        protected Map<String, Object> backendSettings() {
            return settings("django_redis.compressors.lzma.LzmaCompressor");
        }
    }

    @Nested
    class Lz4 extends CacheContractTest {
        @Override
        protected Map<String, Object> backendSettings() {
            return settings("django_redis.compressors.lz4.Lz4Compressor");
        }
    }

    @Nested
    class Zstd extends CacheContractTest {
        @Override
        protected Map<String, Object> backendSettings() {
            return settings("django_redis.compressors.zstd.ZStdCompressor");
        }
    }
}
