package org.cacheway.cache.redis;

/** The contract suite with {@code django_redis.compressors.zlib.ZlibCompressor}. */
class RedisZlibContractIT extends RedisCompressorContract {
    @Override
    String compressor() {
        return "django_redis.compressors.zlib.ZlibCompressor";
    }
}
