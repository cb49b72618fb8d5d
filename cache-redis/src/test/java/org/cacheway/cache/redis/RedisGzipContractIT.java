package org.cacheway.cache.redis;

/** The contract suite with {@code django_redis.compressors.gzip.GzipCompressor}. */
class RedisGzipContractIT extends RedisCompressorContract {
    @Override
    String compressor() {
        return "django_redis.compressors.gzip.GzipCompressor";
    }
}
