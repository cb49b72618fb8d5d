package org.cacheway.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * W7: {@value #THREADS} threads ask get-or-set for one missing key at the same instant; the
 * computation sleeps {@value #COMPUTE_MILLIS} ms. Counts how often it ran and the wall time from
 * the release of the threads until every one had its value, over several trials on fresh keys,
 * after one uncounted warm-up trial (BENCHMARK.md's warm-up rule: JIT, first script loads).
 */
final class Stampede {
    static final int THREADS = 32;
    static final long COMPUTE_MILLIS = 100;

    /** One contender's get-or-set, as thread {@code thread} would call it. */
    @FunctionalInterface
    interface GetOrSet {
        Object call(int thread, String key, Supplier<Object> compute);
    }

    /** The outcome over all trials: computations per trial and wall times in milliseconds. */
    record Result(String variant, int[] computations, double[] wallMillis) {
        int maxComputations() {
            return Arrays.stream(computations).max().orElse(0);
        }

        int minComputations() {
            return Arrays.stream(computations).min().orElse(0);
        }

        double medianWallMillis() {
            double[] sorted = wallMillis.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        double maxWallMillis() {
            return Arrays.stream(wallMillis).max().orElse(0);
        }
    }

    private Stampede() {
    }

    /** Runs {@code trials} stampedes of {@code contender} on fresh missing keys {@code <prefix>...}. */
    static Result run(String variant, String keyPrefix, int trials, GetOrSet contender) throws Exception {
        return run(variant, keyPrefix, trials, contender, key -> { });
    }

    /**
     * Runs {@code trials} stampedes of {@code contender}, each on a fresh key that {@code prepare}
     * readies first (to make it stale rather than missing, say).
     */
    static Result run(String variant, String keyPrefix, int trials, GetOrSet contender,
            java.util.function.Consumer<String> prepare) throws Exception {
        int[] computations = new int[trials];
        double[] wall = new double[trials];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            String warmUp = keyPrefix + "warm-up:" + System.nanoTime();
            prepare.accept(warmUp);
            trial(pool, warmUp, contender, new AtomicInteger()); // JIT and first-use costs, not counted
            for (int t = 0; t < trials; t++) {
                AtomicInteger ran = new AtomicInteger();
                String key = keyPrefix + System.nanoTime() + ":" + t;
                prepare.accept(key);
                wall[t] = trial(pool, key, contender, ran);
                computations[t] = ran.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(variant, computations, wall);
    }

    private static double trial(ExecutorService pool, String key, GetOrSet contender, AtomicInteger ran)
            throws Exception {
        Supplier<Object> compute = () -> {
            ran.incrementAndGet();
            try {
                Thread.sleep(COMPUTE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "computed";
        };
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> done = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int thread = i;
            done.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                Object value = contender.call(thread, key, compute);
                if (value == null) {
                    throw new IllegalStateException("thread " + thread + " got " + value);
                }
                return System.nanoTime();
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        long last = start;
        for (Future<Long> finished : done) {
            last = Math.max(last, finished.get(30, TimeUnit.SECONDS));
        }
        return (last - start) / 1e6;
    }
}
