/**
 * Django's dummy backend, {@link org.cacheway.cache.dummy.DummyCache}: the cache API with nothing
 * behind it.
 */
package org.cacheway.cache.dummy;
