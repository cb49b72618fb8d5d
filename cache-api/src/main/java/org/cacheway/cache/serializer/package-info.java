/**
 * Value serializers ({@code OPTIONS['SERIALIZER']}): {@link org.cacheway.cache.serializer.JsonSerializer},
 * byte-compatible with django-redis's JSONSerializer, {@link org.cacheway.cache.serializer.PickleSerializer},
 * a restricted pickle byte-compatible with django-redis's default serializer and Django's built-in
 * Redis backend, and the Java-only, allow-listed
 * {@link org.cacheway.cache.serializer.JavaSerializer}; configured names resolve through the plugin
 * registry ({@link org.cacheway.cache.plugin.SerializerFactory}).
 */
package org.cacheway.cache.serializer;
