package org.cacheway.cache.redis;

/** The contract suite with {@code django_redis.compressors.lz4.Lz4Compressor}. */
class RedisLz4ContractIT extends RedisCompressorContract {
    @Override
    String compressor() {
        return "django_redis.compressors.lz4.Lz4Compressor";
    }
}
