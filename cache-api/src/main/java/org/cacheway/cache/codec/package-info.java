/**
 * The wire format of cached values: {@link org.cacheway.cache.codec.ValueCodec} combines a
 * serializer and a compressor exactly as django-redis does, with integers stored as plain digits.
 */
package org.cacheway.cache.codec;
