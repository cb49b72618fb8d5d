package org.cacheway.cache.redis.client;

import java.util.Iterator;

/** An iterator over a Lettuce iteration (such as SCAN pages) whose Lettuce errors are translated. */
final class TranslatingIterator<T> implements Iterator<T> {
    private final Iterator<T> delegate;
    private final LettuceErrors errors;
    private final String operation;
    private final String key;

    TranslatingIterator(Iterator<T> delegate, LettuceErrors errors, String operation, String key) {
        this.delegate = delegate;
        this.errors = errors;
        this.operation = operation;
        this.key = key;
    }

    @Override
    public boolean hasNext() {
        try {
            return delegate.hasNext();
        } catch (RuntimeException e) {
            throw errors.translate(e, operation, key);
        }
    }

    @Override
    public T next() {
        try {
            return delegate.next();
        } catch (RuntimeException e) {
            throw errors.translate(e, operation, key);
        }
    }
}
