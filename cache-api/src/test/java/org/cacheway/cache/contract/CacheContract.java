package org.cacheway.cache.contract;

/**
 * Every area of the cache contract that both faces of a cache must pass: the synchronous
 * {@link org.cacheway.cache.Cache} and, through {@link AwaitingCache}, its asynchronous twin.
 */
public interface CacheContract extends BasicOperationsContract, CounterContract, TimeoutContract,
        VersioningContract, GetOrSetContract, KeyContract, LifecycleContract, StatisticsContract,
        NamespaceContract {
}
