package org.cacheway.cache.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.cacheway.cache.KeyWarnings;
import org.junit.jupiter.api.Named;

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

    /**
     * Django's data model as a cache and its serializer must round-trip it: null, strings,
     * booleans, integers (as {@code Long}), floats, lists and maps, nested.
     */
    static Stream<Named<Object>> dataModel() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", List.of("b", true, 1L));
        nested.put("c", Map.of("d", "e", "g", 2.5));
        nested.put("f", null);
        return Stream.of(
                Named.of("null", null),
                Named.of("string", "hello"),
                Named.of("empty string", ""),
                Named.of("non-ASCII string", "Zoë ☕ 清 \uD83D\uDE00"),
                Named.of("string with quotes and controls", "say \"hi\"\\\t\n\u0001"),
                Named.of("true", true),
                Named.of("false", false),
                Named.of("zero", 0L),
                Named.of("integer", 42L),
                Named.of("negative integer", -7L),
                Named.of("largest long", Long.MAX_VALUE),
                Named.of("smallest long", Long.MIN_VALUE),
                Named.of("float", 1.5),
                Named.of("negative float", -0.25),
                Named.of("list", List.of("a", "b")),
                Named.of("empty list", List.of()),
                Named.of("list with null", Arrays.asList("a", null)),
                Named.of("map", Map.of("key", "value")),
                Named.of("empty map", Map.of()),
                Named.of("nested map", nested));
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
