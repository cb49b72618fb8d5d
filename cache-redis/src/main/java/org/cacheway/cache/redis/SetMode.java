package org.cacheway.cache.redis;

/** The condition of django-redis's {@code set(..., nx=True)} / {@code set(..., xx=True)}. */
public enum SetMode {
    /** Store unconditionally (a plain {@code set}). */
    ALWAYS,
    /** Store only when the key is absent ({@code SET NX}). */
    NX,
    /** Store only when the key exists ({@code SET XX}). */
    XX
}
