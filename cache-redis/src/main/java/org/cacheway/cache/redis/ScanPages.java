package org.cacheway.cache.redis;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import org.cacheway.cache.base.Stages;

/**
 * The items of a cursor scan ({@code SCAN}, {@code SSCAN}), page by page: the next page is read,
 * and waited for, only when this one is used up.
 *
 * @param <P> a page of the scan
 * @param <T> an item, as the caller sees it
 */
final class ScanPages<P, T> implements Iterator<T> {
    private final Function<P, CompletableFuture<P>> after;
    private final Function<P, List<T>> items;
    private final Predicate<P> finished;
    private P page;
    private Iterator<T> current;

    /**
     * Starting at {@code first}; {@code after} reads the page that follows one, {@code items} gives
     * a page's items, {@code finished} says whether a page is the last.
     */
    ScanPages(P first, Function<P, CompletableFuture<P>> after, Function<P, List<T>> items, Predicate<P> finished) {
        this.after = after;
        this.items = items;
        this.finished = finished;
        this.page = first;
        this.current = items.apply(first).iterator();
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && !finished.test(page)) {
            page = Stages.await(after.apply(page));
            current = items.apply(page).iterator();
        }
        return current.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
