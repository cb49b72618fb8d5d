package org.cacheway.cache.base;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for the asynchronous faces: unwrapping the causes futures wrap errors in. */
public final class Futures {
    private Futures() {
    }

    /** The error a future's wrapper exceptions carry. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Rethrows an error unchecked, unwrapped, so a future completes with the original type. */
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
