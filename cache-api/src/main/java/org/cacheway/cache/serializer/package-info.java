/**
 * Value serializers ({@code OPTIONS['SERIALIZER']}): {@link org.cacheway.cache.serializer.JsonSerializer},
 * byte-compatible with django-redis's JSONSerializer, and the Java-only, allow-listed
 * {@link org.cacheway.cache.serializer.JavaSerializer}; {@link org.cacheway.cache.serializer.Serializers}
 * resolves configured names.
 */
package org.cacheway.cache.serializer;
