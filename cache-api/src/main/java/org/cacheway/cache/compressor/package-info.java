/**
 * Value compressors ({@code OPTIONS['COMPRESSOR']}), each reading and writing what django-redis's
 * compressor of the same name does: zlib, gzip, lzma (xz), lz4 (frames) and zstd, plus identity;
 * {@link org.cacheway.cache.compressor.Compressors} resolves configured names.
 */
package org.cacheway.cache.compressor;
