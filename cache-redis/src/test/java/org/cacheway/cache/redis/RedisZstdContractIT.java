package org.cacheway.cache.redis;

/** The contract suite with {@code django_redis.compressors.zstd.ZStdCompressor}. */
class RedisZstdContractIT extends RedisCompressorContract {
    @Override
    String compressor() {
        return "django_redis.compressors.zstd.ZStdCompressor";
    }
}
