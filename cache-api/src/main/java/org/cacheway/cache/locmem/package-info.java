/**
 * Django's local-memory backend, {@link org.cacheway.cache.locmem.LocMemCache}: an in-process
 * cache for development, tests and single-process applications.
 */
package org.cacheway.cache.locmem;
