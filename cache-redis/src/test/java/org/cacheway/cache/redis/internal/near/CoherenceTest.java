package org.cacheway.cache.redis.internal.near;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The race closer, by every interleaving of one read of a key (begin, Redis executes the GET, the
 * reply is processed) with one write of it by another client (Redis executes the SET, its
 * invalidation push is processed here), and of a read with a lost connection: whatever the order,
 * the local copy ends up holding nothing or the new value, never the old one.
 */
class CoherenceTest {
    private static final String KEY = "p:1:k";

    /** One run: a model Redis holding the key's value, and a near cache in front of it. */
    private static final class Run {
        final NearCache near = new NearCache(NearCacheConfig.defaults(), new ManualTicker());
        String redis = "old";
        Coherence.Load load;
        String read;

        Run() {
            near.resume();
        }

        String local() {
            byte[] held = near.get(KEY);
            return held == null ? null : new String(held, UTF_8);
        }
    }

    private interface Step {
        void run(Run run);
    }

    private record Named(String name, Step step) {
    }

    private static final List<Named> READ = List.of(
            new Named("begin", run -> run.load = run.near.begin(KEY)),
            new Named("GET", run -> run.read = run.redis),
            new Named("reply", run -> run.near.keep(run.load, run.read.getBytes(UTF_8), -1)));

    /** Every merge of {@code a} and {@code b} that keeps each one's own order. */
    private static List<List<Named>> interleavings(List<Named> a, List<Named> b) {
        List<List<Named>> all = new ArrayList<>();
        merge(a, 0, b, 0, new ArrayList<>(), all);
        return all;
    }

    private static void merge(List<Named> a, int i, List<Named> b, int j, List<Named> prefix, List<List<Named>> all) {
        if (i == a.size() && j == b.size()) {
            all.add(List.copyOf(prefix));
            return;
        }
        if (i < a.size()) {
            prefix.add(a.get(i));
            merge(a, i + 1, b, j, prefix, all);
            prefix.remove(prefix.size() - 1);
        }
        if (j < b.size()) {
            prefix.add(b.get(j));
            merge(a, i, b, j + 1, prefix, all);
            prefix.remove(prefix.size() - 1);
        }
    }

    private static List<String> names(List<Named> order) {
        return order.stream().map(Named::name).toList();
    }

    private static int position(List<Named> order, String name) {
        return names(order).indexOf(name);
    }

    @Test
    void aReadRacingAnotherClientsWriteNeverKeepsTheOldValue() {
        List<Named> write = List.of(
                new Named("SET", run -> run.redis = "new"),
                new Named("push", run -> run.near.invalidated(KEY)));
        List<List<Named>> orders = interleavings(READ, write);
        assertThat(orders).hasSize(10);
        for (List<Named> order : orders) {
            for (boolean trackedBefore : new boolean[] {true, false}) {
                // Redis pushes an invalidation for a key only if this client read it before the write
                boolean pushed = trackedBefore || position(order, "GET") < position(order, "SET");
                Run run = new Run();
                order.stream().filter(step -> pushed || !step.name().equals("push")).forEach(step -> step.step().run(run));
                assertThat(run.local()).as("%s, tracked before: %s", names(order), trackedBefore).isIn(null, "new");
            }
        }
    }

    @Test
    void aReadThatNoInvalidationOverlapsIsKept() {
        Run run = new Run();
        READ.forEach(step -> step.step().run(run));
        assertThat(run.local()).isEqualTo("old");
    }

    @Test
    void aReadRacingALostConnectionNeverKeepsTheOldValue() {
        // the write's push is lost with the connection; the reconnect is reported, tracking comes back
        List<Named> outage = List.of(
                new Named("SET", run -> run.redis = "new"),
                new Named("disconnected", run -> run.near.suspend()),
                new Named("tracking again", run -> run.near.resume()));
        assertNoInterleavingKeepsTheOldValue(outage);
    }

    @Test
    void aReadRacingAFlushEverythingPushNeverKeepsTheOldValue() {
        List<Named> flush = List.of(
                new Named("FLUSHDB", run -> run.redis = "new"),
                new Named("null push", run -> run.near.flush()));
        assertNoInterleavingKeepsTheOldValue(flush);
    }

    private static void assertNoInterleavingKeepsTheOldValue(List<Named> other) {
        for (List<Named> order : interleavings(READ, other)) {
            Run run = new Run();
            order.forEach(step -> step.step().run(run));
            assertThat(run.local()).as("%s", names(order)).isIn(null, "new");
        }
    }

    @Test
    void nothingIsKeptBeforeTrackingIsConfirmed() {
        Coherence coherence = new Coherence();
        assertThat(coherence.ready()).isFalse();
        assertThat(coherence.begin(KEY, 0)).isNull();
        coherence.resume();
        assertThat(coherence.begin(KEY, 0)).isNotNull();
    }

    @Test
    void ofOverlappingReadsOfOneKeyOnlyTheLastIsKept() {
        Coherence coherence = new Coherence();
        coherence.resume();
        Coherence.Load first = coherence.begin(KEY, 0);
        Coherence.Load second = coherence.begin(KEY, 0);
        assertThat(coherence.complete(first, () -> { })).isFalse();
        assertThat(coherence.complete(second, () -> { })).isTrue();
        assertThat(coherence.pendingReads()).isZero();
    }

    @Test
    void anAbandonedReadLeavesNoMarkerBehind() {
        Coherence coherence = new Coherence();
        coherence.resume();
        coherence.abandon(coherence.begin(KEY, 0));
        assertThat(coherence.pendingReads()).isZero();
    }

    @Test
    void anInvalidationArrivingWhileTheValueIsBeingKeptDropsIt() throws Exception {
        Coherence coherence = new Coherence();
        coherence.resume();
        Map<String, String> local = new ConcurrentHashMap<>();
        Coherence.Load load = coherence.begin(KEY, 0);
        Thread push = new Thread(() -> {
            coherence.invalidate(KEY);
            local.remove(KEY);
        });
        // the push is processed on another thread exactly while the value is being kept: it must
        // wait for the keep (or refuse it), never slip between the check and the store
        boolean kept = coherence.complete(load, () -> {
            push.start();
            awaitBlockedOrDone(push);
            local.put(KEY, "old");
        });
        push.join(5_000);
        assertThat(kept).isTrue();
        assertThat(local).isEmpty();
    }

    private static void awaitBlockedOrDone(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.BLOCKED && thread.getState() != Thread.State.TERMINATED
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
