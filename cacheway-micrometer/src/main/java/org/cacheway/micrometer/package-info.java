/**
 * Micrometer meters for Cacheway caches: {@link org.cacheway.micrometer.CachewayCacheMetrics} binds an
 * alias's (or a Spring cache's) statistics the way Micrometer's cache binders do.
 */
package org.cacheway.micrometer;
