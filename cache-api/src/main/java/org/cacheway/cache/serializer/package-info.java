/**
 * Value serializers ({@code OPTIONS['SERIALIZER']}): {@link org.cacheway.cache.serializer.JsonSerializer},
 * byte-compatible with django-redis's JSONSerializer, {@link org.cacheway.cache.serializer.PickleSerializer},
 * a restricted pickle byte-compatible with django-redis's default serializer and Django's built-in
 * Redis backend, and the Java-only, allow-listed
 * {@link org.cacheway.cache.serializer.JavaSerializer}; {@link org.cacheway.cache.serializer.Serializers}
 * resolves configured names.
 */
package org.cacheway.cache.serializer;
