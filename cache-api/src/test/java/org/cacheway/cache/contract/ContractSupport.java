package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cacheway.cache.KeyWarnings;

/** Helpers the contract areas share: values, futures, latches and key warnings. */
final class ContractSupport {
    private ContractSupport() {
    }

    /** The key warnings logged while {@code action} ran. */
    static List<String> warningsDuring(Runnable action) {
        List<String> warnings = new CopyOnWriteArrayList<>();
        AutoCloseable listening = KeyWarnings.listen(warnings::add);
        try {
            action.run();
        } finally {
            try {
                listening.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return new ArrayList<>(warnings);
    }

    /** The value of a future that must complete within five seconds. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete: " + e, e);
        }
    }

    /** The error a future must fail with within five seconds. */
    static Throwable failureOf(CompletableFuture<?> future) {
        try {
            Object value = future.get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the future did not complete: " + e, e);
        }
    }

    /** A map that keeps insertion order and allows null values (Map.of does not). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        assertThat(map).hasSize(keysAndValues.length / 2);
        return map;
    }

    /** Sleeps without a checked exception, for suppliers. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to ten seconds for a latch without a checked exception, for suppliers. */
    static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
