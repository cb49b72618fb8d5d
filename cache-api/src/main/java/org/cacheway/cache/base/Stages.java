package org.cacheway.cache.base;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.cacheway.cache.CacheConnectionException;

/**
 * Helpers for backend authors working with a store's futures: wait as the synchronous face does,
 * turn an immediate throw into a failed future as the asynchronous face does, and find the error a
 * future's wrapper exceptions carry.
 */
public final class Stages {
    private Stages() {
    }

    /**
     * Waits for {@code stage}: its value, or the error it failed with, thrown as it was raised
     * (unwrapped from {@link CompletionException}); an interrupt while waiting is reported as a
     * {@link CacheConnectionException} with the thread's interrupt flag set again.
     */
    public static <T> T await(CompletableFuture<T> stage) {
        try {
            return stage.get();
        } catch (ExecutionException e) {
            throw rethrow(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CacheConnectionException("Interrupted while waiting for the cache", e);
        }
    }

    /** Runs {@code body}; an exception it throws at once becomes a failed future. */
    public static <T> CompletableFuture<T> guard(Supplier<CompletableFuture<T>> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The error a future's wrapper exceptions ({@link CompletionException}, {@link ExecutionException}) carry. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * Throws {@code error}'s cause as it was raised: a {@link RuntimeException} or {@link Error}
     * itself, anything else wrapped in {@link CompletionException}. Declared to return so callers
     * can write {@code throw Stages.rethrow(e)}.
     */
    public static RuntimeException rethrow(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error fatal) {
            throw fatal;
        }
        throw new CompletionException(cause);
    }
}
