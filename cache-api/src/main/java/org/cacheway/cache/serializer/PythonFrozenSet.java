package org.cacheway.cache.serializer;

import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;

/**
 * A Python {@code frozenset} read from a pickle: an unmodifiable {@link Set} (equal to any set with
 * the same elements) that {@link PickleWriter} writes back as a frozenset.
 */
final class PythonFrozenSet extends AbstractSet<Object> {
    private final Set<Object> items;

    /** A frozenset of these items; the set is owned by the frozenset from now on. */
    PythonFrozenSet(Set<Object> items) {
        this.items = Collections.unmodifiableSet(items);
    }

    @Override
    public Iterator<Object> iterator() {
        return items.iterator();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public boolean contains(Object o) {
        return items.contains(o);
    }
}
