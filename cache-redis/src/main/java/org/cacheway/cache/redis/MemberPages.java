package org.cacheway.cache.redis;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.cacheway.cache.base.Stages;

/** The members of an {@code SSCAN}, page by page: the next page is read when this one is used up. */
final class MemberPages implements Iterator<Object> {
    private final Function<byte[], CompletableFuture<RedisAsyncCollections.MemberPage>> next;
    private RedisAsyncCollections.MemberPage page;
    private Iterator<Object> members;

    MemberPages(Function<byte[], CompletableFuture<RedisAsyncCollections.MemberPage>> next) {
        this.next = next;
        this.page = Stages.await(next.apply(new byte[] {'0'}));
        this.members = page.members().iterator();
    }

    @Override
    public boolean hasNext() {
        while (!members.hasNext() && !page.finished()) {
            page = Stages.await(next.apply(page.cursor()));
            members = page.members().iterator();
        }
        return members.hasNext();
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return members.next();
    }
}
