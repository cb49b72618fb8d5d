package org.cacheway.examples;

import java.io.PrintStream;
import org.cacheway.cache.Caches;

/**
 * What every example main needs: its settings, the Redis it uses (started here when none is
 * configured), the {@code CACHES} registry on it, and where to print. Closing it closes the caches
 * and stops a Redis started here.
 */
public record ExampleContext(ExampleSettings settings, ExampleRedis redis, Caches caches, PrintStream out)
        implements AutoCloseable {

    /** Loads the settings, picks or starts the Redis and builds the caches on it. */
    public static ExampleContext open(ExampleOptions options, PrintStream out) {
        ExampleSettings settings = ExampleSettings.load(options);
        ExampleRedis redis = ExampleRedis.resolve(options, settings, out);
        try {
            return new ExampleContext(settings, redis, settings.caches(redis.location()), out);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /** Runs {@code example} in a context opened from the command line, printing to standard output. */
    public static void main(String[] args, Example example) {
        try (ExampleContext context = open(ExampleOptions.parse(args), System.out)) {
            example.run(context);
        }
    }

    /** Closes the caches, then stops a Redis started here. */
    @Override
    public void close() {
        try {
            caches.close();
        } finally {
            redis.close();
        }
    }

    /** One example's body. */
    @FunctionalInterface
    public interface Example {
        /** Runs the example in {@code context}. */
        void run(ExampleContext context);
    }
}
