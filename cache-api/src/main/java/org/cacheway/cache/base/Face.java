package org.cacheway.cache.base;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * How one caller runs an operation's steps, so that each operation is written once. The
 * asynchronous face composes the store's futures as they are, and runs user code (a
 * {@code getOrSet} supplier) on the common pool. The synchronous face waits for each store future
 * before going on, so the next step (decoding, the next command) runs on the caller's thread as a
 * plain call would; its {@link #callerRuns()} variant also runs user code on the caller's thread,
 * handed over from whatever thread asks for it, as a thread-less executor.
 *
 * <p>{@link #io} may be called only on the thread that runs the operation, never in a callback
 * of a future the face did not wait for.
 */
abstract class Face {
    /** Composes futures as they are; user code on the common pool. */
    static final Face ASYNC = new Face() {
        @Override
        <T> CompletableFuture<T> io(CompletableFuture<T> stage) {
            return stage;
        }

        @Override
        Executor users() {
            return ForkJoinPool.commonPool();
        }
    };

    /** Waits for each step on the caller's thread; for operations that run no user code. */
    static final Face SYNC = new Face() {
        @Override
        <T> CompletableFuture<T> io(CompletableFuture<T> stage) {
            awaitQuietly(stage);
            return stage;
        }

        @Override
        Executor users() {
            throw new IllegalStateException("this operation runs no user code");
        }
    };

    /** A waiting face for one call that also runs its user code on the caller's thread. */
    static Face callerRuns() {
        return new CallerRuns();
    }

    /** {@code stage}, complete when the face waits; its later steps then run on this thread. */
    abstract <T> CompletableFuture<T> io(CompletableFuture<T> stage);

    /** Where user code runs. */
    abstract Executor users();

    /** Waits for {@code stage} to complete, whatever its outcome (the caller reads it). */
    static void awaitQuietly(CompletableFuture<?> stage) {
        try {
            stage.get();
        } catch (ExecutionException | CancellationException e) {
            // the outcome is read from the stage itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The synchronous face of a {@code getOrSet}: user code queued for the waiting caller. */
    private static final class CallerRuns extends Face {
        private static final Runnable WAKE = () -> { };
        private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

        @Override
        <T> CompletableFuture<T> io(CompletableFuture<T> stage) {
            if (stage.isDone()) {
                return stage;
            }
            stage.whenComplete((value, error) -> tasks.add(WAKE));
            try {
                while (!stage.isDone()) {
                    tasks.take().run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(
                        new org.cacheway.cache.CacheConnectionException("Interrupted while waiting for the cache", e));
            }
            return stage;
        }

        @Override
        Executor users() {
            return tasks::add;
        }
    }
}
