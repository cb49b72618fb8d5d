/**
 * Value compressors ({@code OPTIONS['COMPRESSOR']}), each reading and writing what django-redis's
 * compressor of the same name does: zlib, gzip, lzma (xz), lz4 (frames) and zstd, plus identity;
 * configured names resolve through the plugin registry ({@link org.cacheway.cache.plugin.CompressorFactory}).
 */
package org.cacheway.cache.compressor;
