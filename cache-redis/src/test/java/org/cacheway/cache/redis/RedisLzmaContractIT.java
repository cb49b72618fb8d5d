package org.cacheway.cache.redis;

/** The contract suite with {@code django_redis.compressors.lzma.LzmaCompressor}. */
class RedisLzmaContractIT extends RedisCompressorContract {
    @Override
    String compressor() {
        return "django_redis.compressors.lzma.LzmaCompressor";
    }
}
