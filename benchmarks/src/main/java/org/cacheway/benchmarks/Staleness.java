package org.cacheway.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * W8: read-mostly traffic under a near cache while another client writes. Reader threads read
 * keys of a Zipf-like hot set (rank r of the 10,000 keys read with weight 1/(r+1)); another client
 * (its own connection) writes 1% of the keys, the 100 hottest, one write per millisecond, each
 * value carrying its write's sequence number. A read that returns a value older than a write
 * whose reply came before the read started is stale; a write's staleness window is the time from
 * its reply to the start of the last read that still returned an older value (0 when none did).
 * Reported: reads per second, and the windows' p50, p99 and maximum over every write measured.
 */
final class Staleness {
    /** Keys the writer changes: the hottest 1% of the preloaded keys. */
    static final int WRITTEN_KEYS = BenchData.KEY_COUNT / 100;
    private static final long WRITE_INTERVAL_NANOS = 1_000_000;
    private static final double[] CUMULATIVE = zipf(BenchData.KEY_COUNT);

    /** What a side reads: the value of key {@code index} as a string (JSON quotes allowed), or null. */
    @FunctionalInterface
    interface Reader {
        String read(int index);
    }

    /** How the other client writes key {@code index}: returns once Redis replied. */
    @FunctionalInterface
    interface Writer {
        void write(int index, String value);
    }

    /**
     * One side's outcome.
     *
     * @param side what was measured
     * @param readsPerSecond reads of all threads together
     * @param writes writes measured
     * @param staleReads reads that returned a value older than an acknowledged write
     * @param p50Millis median staleness window per write
     * @param p99Millis 99th percentile staleness window per write
     * @param maxMillis the longest staleness window
     */
    record Result(String side, double readsPerSecond, long writes, long staleReads, double p50Millis,
            double p99Millis, double maxMillis) {

        /** The result as a Markdown table line. */
        String line() {
            return String.format(Locale.ROOT, "| %s | %,.0f | %,d | %,d | %.3f | %.3f | %.3f |%n", side,
                    readsPerSecond, writes, staleReads, p50Millis, p99Millis, maxMillis);
        }
    }

    private Staleness() {
    }

    /** The value the writer stores for write {@code sequence}, padded to 100 bytes as the preloaded ones. */
    static String value(long sequence) {
        String head = "v:" + sequence + ":";
        return head + "x".repeat(Math.max(0, BenchData.VALUE_LENGTH - head.length()));
    }

    /**
     * Runs {@code threads} readers and the writer for {@code warmup}, then measures for
     * {@code measured}; the written keys must hold {@code value(0)} before.
     */
    static Result run(String side, int threads, Duration warmup, Duration measured, Reader reader, Writer writer)
            throws InterruptedException {
        int capacity = (int) ((warmup.toNanos() + measured.toNanos()) / WRITE_INTERVAL_NANOS) + 10_000;
        AtomicLongArray replies = new AtomicLongArray(capacity);
        AtomicLongArray windows = new AtomicLongArray(capacity);
        AtomicLongArray latest = new AtomicLongArray(WRITTEN_KEYS);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean measuring = new AtomicBoolean(false);
        LongAdder reads = new LongAdder();
        LongAdder stale = new LongAdder();
        long[] firstMeasuredWrite = {Long.MAX_VALUE};
        long[] lastMeasuredWrite = {0};
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(new Thread(() -> {
                while (running.get()) {
                    int index = nextIndex();
                    long known = index < WRITTEN_KEYS ? latest.get(index) : 0;
                    long start = System.nanoTime();
                    String value = reader.read(index);
                    if (known > 0 && sequenceOf(value) < known) {
                        windows.accumulateAndGet((int) known, start - replies.get((int) known), Math::max);
                        if (measuring.get()) {
                            stale.increment();
                        }
                    }
                    if (measuring.get()) {
                        reads.increment();
                    }
                }
            }, "w8-reader-" + t));
        }
        Thread writing = new Thread(() -> {
            long sequence = 0;
            long next = System.nanoTime();
            while (running.get() && sequence < capacity - 1) {
                sequence++;
                int index = ThreadLocalRandom.current().nextInt(WRITTEN_KEYS);
                writer.write(index, value(sequence));
                replies.set((int) sequence, System.nanoTime());
                latest.set(index, sequence);
                if (measuring.get()) {
                    firstMeasuredWrite[0] = Math.min(firstMeasuredWrite[0], sequence);
                    lastMeasuredWrite[0] = sequence;
                }
                next += WRITE_INTERVAL_NANOS;
                LockSupport.parkNanos(next - System.nanoTime());
            }
        }, "w8-writer");
        all.add(writing);
        all.forEach(Thread::start);
        Thread.sleep(warmup.toMillis());
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measured.toMillis());
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        running.set(false);
        for (Thread thread : all) {
            thread.join(30_000);
        }
        long from = firstMeasuredWrite[0];
        long to = lastMeasuredWrite[0];
        long[] measuredWindows = new long[(int) Math.max(0, to - from + 1)];
        for (long s = from; s <= to; s++) {
            measuredWindows[(int) (s - from)] = windows.get((int) s);
        }
        Arrays.sort(measuredWindows);
        return new Result(side, reads.sum() * 1e9 / elapsed, measuredWindows.length, stale.sum(),
                millis(percentile(measuredWindows, 0.50)), millis(percentile(measuredWindows, 0.99)),
                millis(measuredWindows.length == 0 ? 0 : measuredWindows[measuredWindows.length - 1]));
    }

    /** The sequence number in a written value ({@code v:<n>:...}, JSON quotes allowed); 0 for another value. */
    static long sequenceOf(String value) {
        if (value == null) {
            return 0;
        }
        int start = value.startsWith("\"") ? 1 : 0;
        if (!value.startsWith("v:", start)) {
            return 0;
        }
        int end = value.indexOf(':', start + 2);
        return Long.parseLong(value, start + 2, end, 10);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** A key index drawn with Zipf weights: index r with probability proportional to 1/(r+1). */
    static int nextIndex() {
        int found = Arrays.binarySearch(CUMULATIVE, ThreadLocalRandom.current().nextDouble());
        return Math.min(CUMULATIVE.length - 1, found >= 0 ? found : -found - 1);
    }

    private static double[] zipf(int n) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (int r = 0; r < n; r++) {
            cumulative[r] /= sum;
        }
        return cumulative;
    }
}
