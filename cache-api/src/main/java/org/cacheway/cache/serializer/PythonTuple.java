package org.cacheway.cache.serializer;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A Python {@code tuple} read from a pickle: an unmodifiable {@link java.util.List} (equal to any
 * list with the same elements) that {@link PickleWriter} writes back as a tuple.
 */
final class PythonTuple extends AbstractList<Object> implements RandomAccess {
    static final PythonTuple EMPTY = new PythonTuple(new Object[0]);

    private final Object[] items;

    /** A tuple of these items; the array is owned by the tuple from now on. */
    PythonTuple(Object[] items) {
        this.items = items;
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
