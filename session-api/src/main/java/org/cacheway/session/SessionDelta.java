package org.cacheway.session;

import java.util.Set;

/**
 * What changed in a session since it was loaded: attributes written, attributes removed, and
 * whether the whole map was replaced (after {@code clear()}). Delta-writing stores use it to send
 * only the difference; an attribute mutated in place without a new {@code put} is not seen.
 *
 * @param changed attributes put since the load
 * @param removed attributes removed since the load (and not put again)
 * @param replaced whether the data was cleared, so every stored attribute must go
 */
public record SessionDelta(Set<String> changed, Set<String> removed, boolean replaced) {
    /** Copies the sets so the delta is immutable. */
    public SessionDelta {
        changed = Set.copyOf(changed);
        removed = Set.copyOf(removed);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return changed.isEmpty() && removed.isEmpty() && !replaced;
    }
}
