/**
 * Spring's cache abstraction on Cacheway: {@link org.cacheway.spring.CachewayCacheManager} maps each
 * Spring cache name to an alias of that name or to a namespace of the default alias, and
 * {@link org.cacheway.spring.CachewayCache} gives Spring's operations Cacheway's semantics (single
 * flight, atomic add, pattern clear, asynchronous retrieval).
 */
package org.cacheway.spring;
