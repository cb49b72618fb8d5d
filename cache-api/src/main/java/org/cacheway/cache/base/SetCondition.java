package org.cacheway.cache.base;

/** When a store write takes effect: always, only for an absent key ({@code add}), or only for a present one. */
public enum SetCondition {
    /** Store whether or not the key exists ({@code set}). */
    ALWAYS,
    /** Store only when the key is absent ({@code add}, Redis {@code SET NX}). */
    IF_ABSENT,
    /** Store only when the key is present ({@code replace}, Redis {@code SET XX}). */
    IF_PRESENT
}
