package com.simkiosk.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.simkiosk.kiosk.flow.FlowView;
import com.simkiosk.kiosk.flow.Language;
import com.simkiosk.kiosk.flow.State;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Collections move to the attract screen when the next customer would otherwise meet one; never during a session. */
class BetweenCustomersTest {
    private static final long MB = 1024 * 1024;

    /** A young generation the test fills by hand. */
    private static final class FakeHeap implements BetweenCustomers.Heap {
        volatile long used;
        volatile long capacity = 16 * MB;
        volatile long collections;
        final CountDownLatch collected = new CountDownLatch(1);

        @Override
        public long youngUsed() {
            return used;
        }

        @Override
        public long youngCapacity() {
            return capacity;
        }

        @Override
        public long collections() {
            return collections;
        }

        @Override
        public void collect() {
            used = 0;
            collections++;
            collected.countDown();
        }
    }

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final FakeHeap heap = new FakeHeap();
    private final BetweenCustomers between = new BetweenCustomers(heap, timers);

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private static FlowView view(State state) {
        return new FlowView(state, Language.EN, OptionalInt.empty());
    }

    /** A session from the attract screen and back, allocating {@code mb} MB; {@code collectedMeanwhile} if the JVM did. */
    private void session(long mb, boolean collectedMeanwhile) {
        between.observe(view(new State.Reading()));
        heap.used += mb * MB;
        if (collectedMeanwhile) {
            heap.collections++;
        }
        between.observe(view(new State.CheckingSim()));
        between.observe(view(new State.Attract()));
    }

    @Test
    void whenTheNextSessionWouldNotFitItCollectsOnceTheAttractScreenIsBack() throws Exception {
        heap.used = 4 * MB;
        session(4, false); // 8 of 16 MB used: 8 MB left, a session takes 4 (6 with the margin)
        assertFalse(between.checkNow(), "room for the next session: nothing to do");
        assertEquals(8 * MB, heap.used);

        session(4, false); // 12 of 16 used: 4 MB left, less than a session with its margin
        assertTrue(heap.collected.await(10, TimeUnit.SECONDS), "collected on the attract screen");
        assertEquals(0, heap.used);
        assertEquals(4 * MB, between.largestSession());
    }

    @Test
    void neverDuringASession() {
        session(3, false); // 13 MB left: nothing to do on this attract screen
        between.observe(view(new State.Reading())); // the next customer is here
        heap.used = 16 * MB - 1;
        assertFalse(between.checkNow(), "a customer is being served: the JVM's own collection, if any");
        assertEquals(0, heap.collections);
    }

    @Test
    void aSessionTheJvmCollectedInIsNotMeasuredAndNothingIsGuessed() {
        heap.used = 12 * MB;
        session(2, true); // its allocation is unknown: "used" went through a collection
        assertEquals(-1, between.largestSession());
        assertFalse(between.checkNow(), "nothing measured yet: the JVM decides");
        assertEquals(1, heap.collections); // only the JVM's
    }

    @Test
    void aBigSessionIsRememberedUntilEightSmallerOnesFollow() {
        heap.capacity = 1024 * MB; // never full here: no collection changes the count under a session
        session(6, false);
        for (int i = 0; i < BetweenCustomers.KEPT_SESSIONS - 1; i++) {
            session(1, false);
        }
        assertEquals(6 * MB, between.largestSession());
        session(1, false);
        assertEquals(1 * MB, between.largestSession());
    }

    @Test
    void theJvmsOwnYoungGenerationIsFound() {
        BetweenCustomers.Heap jvm = BetweenCustomers.jvm().orElseThrow(() -> new AssertionError("no eden pool in this JVM"));
        assertTrue(jvm.youngCapacity() > 0, "eden has a size");
        long before = jvm.collections();
        jvm.collect();
        assertTrue(jvm.collections() > before, "System.gc() counted");
    }
}
