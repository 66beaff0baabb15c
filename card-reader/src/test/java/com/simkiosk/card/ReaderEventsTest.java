package com.simkiosk.card;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.simkiosk.testing.LogCapture;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReaderEventsTest {
    private static final String R0 = "Reader 0";
    private static final String R1 = "Reader 1";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ReaderEvents hub = ReaderEvents.monitored("test-events");

    @AfterEach
    void close() {
        hub.close();
    }

    private static CardEvent next(BlockingQueue<CardEvent> events) throws InterruptedException {
        CardEvent event = events.poll(TestTime.bound(WAIT).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within " + WAIT).isNotNull();
        return event;
    }

    private static List<ReaderInfo> card(boolean in) {
        return List.of(new ReaderInfo(R0, in));
    }

    @Test
    void theFirstSnapshotIsAnnouncedAsReadersThenCardsOnTheDeliveryThread() throws Exception {
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        hub.addListener(e -> {
            threads.add(Thread.currentThread().getName());
            events.add(e);
        });

        List<ReaderInfo> now = List.of(new ReaderInfo(R0, true), new ReaderInfo(R1, false));
        hub.publish(now);

        assertThat(next(events)).isEqualTo(new CardEvent.ReadersChanged(now));
        assertThat(next(events)).isEqualTo(new CardEvent.Inserted(R0));
        assertThat(threads.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo("test-events")
                .isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void changesArriveInTheOrderTheyHappened() throws Exception {
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        hub.addListener(events::add);
        hub.publish(card(false));
        for (int i = 0; i < 200; i++) {
            hub.publish(card(i % 2 == 0));
        }
        hub.publish(List.of(new ReaderInfo(R0, false), new ReaderInfo(R1, true))); // a reader plugged with a card

        assertThat(next(events)).isEqualTo(new CardEvent.ReadersChanged(card(false)));
        for (int i = 0; i < 200; i++) {
            assertThat(next(events)).isEqualTo(i % 2 == 0 ? new CardEvent.Inserted(R0) : new CardEvent.Removed(R0));
        }
        assertThat(next(events)).isEqualTo(
                new CardEvent.ReadersChanged(List.of(new ReaderInfo(R0, false), new ReaderInfo(R1, true))));
        assertThat(next(events)).isEqualTo(new CardEvent.Inserted(R1));
    }

    @Test
    void aReaderUnpluggedWithACardInIsAnnouncedWithTheCardRemoved() throws Exception {
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        hub.addListener(events::add);
        hub.publish(List.of(new ReaderInfo(R0, false), new ReaderInfo(R1, true)));
        hub.publish(card(false));

        assertThat(next(events)).isInstanceOf(CardEvent.ReadersChanged.class);
        assertThat(next(events)).isEqualTo(new CardEvent.Inserted(R1));
        assertThat(next(events)).isEqualTo(new CardEvent.ReadersChanged(card(false)));
        assertThat(next(events)).isEqualTo(new CardEvent.Removed(R1));
    }

    @Test
    void aListenerThatJoinsLateFirstHearsTheReadersAndTheCardAlreadyIn() throws Exception {
        hub.publish(card(true)); // a kiosk restarted with a SIM inside
        BlockingQueue<CardEvent> late = new LinkedBlockingQueue<>();
        hub.addListener(late::add);
        hub.publish(card(false));

        assertThat(next(late)).isEqualTo(new CardEvent.ReadersChanged(card(true)));
        assertThat(next(late)).isEqualTo(new CardEvent.Inserted(R0));
        assertThat(next(late)).isEqualTo(new CardEvent.Removed(R0));
    }

    @Test
    void aListenerThatJoinsWhileTheServiceIsLostHearsTheLatestReason() throws Exception {
        hub.publish(card(true));
        hub.serviceLost(CardError.READER_SILENT, "the modem does not answer");
        hub.serviceLost(CardError.PCSC_UNAVAILABLE, "serial port missing");
        BlockingQueue<CardEvent> late = new LinkedBlockingQueue<>();
        hub.addListener(late::add);
        hub.publish(card(true));

        assertThat(next(late)).isEqualTo(new CardEvent.ServiceLost(CardError.PCSC_UNAVAILABLE, "serial port missing"));
        assertThat(next(late)).isEqualTo(new CardEvent.ReadersChanged(card(true)));
        assertThat(next(late)).isEqualTo(new CardEvent.Inserted(R0));
    }

    @Test
    void aLostServiceIsSaidOnceWithTheCardsGoneAndItsReturnWithTheReadersAndCards() throws Exception {
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        hub.addListener(events::add);
        hub.publish(card(true));
        hub.serviceLost(CardError.PCSC_UNAVAILABLE, "pcscd gone");
        hub.serviceLost(CardError.PCSC_UNAVAILABLE, "pcscd still gone");
        hub.publish(List.of()); // back, but no readers yet: still "back" for the flow
        hub.publish(card(true));

        assertThat(next(events)).isEqualTo(new CardEvent.ReadersChanged(card(true)));
        assertThat(next(events)).isEqualTo(new CardEvent.Inserted(R0));
        assertThat(next(events)).isEqualTo(new CardEvent.ServiceLost(CardError.PCSC_UNAVAILABLE, "pcscd gone"));
        assertThat(next(events)).isEqualTo(new CardEvent.Removed(R0));
        assertThat(next(events)).isEqualTo(new CardEvent.ReadersChanged(List.of()));
        assertThat(next(events)).isEqualTo(new CardEvent.ReadersChanged(card(true)));
        assertThat(next(events)).isEqualTo(new CardEvent.Inserted(R0));
        assertThat(hub.snapshot().serviceUp()).isTrue();
    }

    @Test
    void fixedSlotsWelcomeALateListenerWithTheCardsOnly() throws Exception {
        try (ReaderEvents slots = ReaderEvents.fixedSlots("slot-events", List.of(new ReaderInfo(R0, false), new ReaderInfo(R1, true)))) {
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            slots.addListener(events::add);
            slots.publish(List.of(new ReaderInfo(R0, true), new ReaderInfo(R1, true)));

            assertThat(next(events)).isEqualTo(new CardEvent.Inserted(R1));
            assertThat(next(events)).isEqualTo(new CardEvent.Inserted(R0));
        }
    }

    @Test
    void aListenerRemovedWhileAnEventIsBeingDeliveredDoesNotHearItNorAnyLater() throws Exception {
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<CardEvent> first = new LinkedBlockingQueue<>();
        BlockingQueue<CardEvent> second = new LinkedBlockingQueue<>();
        hub.addListener(e -> {
            inFirst.countDown();
            awaitQuietly(release);
            first.add(e);
        });
        Consumer<CardEvent> removed = second::add;
        hub.addListener(removed);

        hub.publish(card(false)); // ReadersChanged: the first listener holds it
        assertThat(inFirst.await(TestTime.scaled(5), TimeUnit.SECONDS)).isTrue();
        hub.removeListener(removed);
        release.countDown();
        hub.publish(card(true));

        assertThat(next(first)).isInstanceOf(CardEvent.ReadersChanged.class);
        assertThat(next(first)).isEqualTo(new CardEvent.Inserted(R0));
        assertThat(second).as("the same thread delivered to the first listener already").isEmpty();
    }

    @Test
    void aListenerMayRemoveItselfWhileHearingAnEvent() throws Exception {
        BlockingQueue<CardEvent> once = new LinkedBlockingQueue<>();
        BlockingQueue<CardEvent> other = new LinkedBlockingQueue<>();
        hub.addListener(new Consumer<>() {
            @Override
            public void accept(CardEvent e) {
                once.add(e);
                hub.removeListener(this);
            }
        });
        hub.addListener(other::add);
        hub.publish(card(true));

        assertThat(next(other)).isInstanceOf(CardEvent.ReadersChanged.class);
        assertThat(next(other)).isEqualTo(new CardEvent.Inserted(R0));
        assertThat(once).containsExactly(new CardEvent.ReadersChanged(card(true)));
    }

    @Test
    void aThrowingListenerIsLoggedWithoutItsMessageAndTheOthersStillHear() throws Exception {
        try (LogCapture logs = LogCapture.atDebug(ReaderEvents.class)) {
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            hub.addListener(e -> {
                throw new IllegalStateException("no session for SIM 8981100000000000019");
            });
            hub.addListener(events::add);
            hub.publish(card(true));
            hub.publish(card(false));

            assertThat(next(events)).isInstanceOf(CardEvent.ReadersChanged.class);
            assertThat(next(events)).isEqualTo(new CardEvent.Inserted(R0));
            assertThat(next(events)).isEqualTo(new CardEvent.Removed(R0));
            List<ILoggingEvent> warnings = logs.events().stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertThat(warnings).hasSize(3).allSatisfy(w -> {
                assertThat(w.getFormattedMessage()).contains("IllegalStateException").doesNotContain("8981100000000000019");
                assertThat(w.getThrowableProxy()).isNull();
            });
        }
    }

    /**
     * Listeners come and go on four threads while the card goes in and out 400 times: each one hears a story that
     * makes sense (never the same card inserted twice, never removed when it was not in), and those still there at
     * the end know where the card is.
     */
    @Test
    void listenersAddedAndRemovedConcurrentlyEachHearAConsistentStory() throws Exception {
        BlockingQueue<CardEvent> steady = new LinkedBlockingQueue<>();
        hub.addListener(steady::add);
        hub.publish(card(false));
        List<List<CardEvent>> heard = Collections.synchronizedList(new ArrayList<>());
        List<List<CardEvent>> stillListening = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> churn = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int seed = t;
            churn.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 100; i++) {
                    List<CardEvent> mine = Collections.synchronizedList(new ArrayList<>());
                    Consumer<CardEvent> listener = mine::add;
                    heard.add(mine);
                    hub.addListener(listener);
                    if ((i + seed) % 3 != 0) {
                        hub.removeListener(listener);
                    } else {
                        stillListening.add(mine);
                    }
                }
            }));
        }
        for (int i = 0; i < 400; i++) {
            hub.publish(card(i % 2 == 0));
        }
        CompletableFuture.allOf(churn.toArray(CompletableFuture[]::new)).get(TestTime.scaled(30), TimeUnit.SECONDS);
        hub.publish(card(true)); // 400 toggles end with the card out: this puts it in, after every welcome
        TestTime.awaitUntil(WAIT, () -> steady.size() == 1 + 400 + 1, "the steady listener heard every change");
        // The hub tells its listeners one after the other, the steady one first: wait for the last one told too.
        TestTime.awaitUntil(WAIT, () -> {
            synchronized (stillListening) {
                return stillListening.stream().allMatch(ReaderEventsTest::endsInserted);
            }
        }, "every listener still subscribed heard the card put in");

        synchronized (heard) {
            assertThat(heard).hasSize(400).allSatisfy(ReaderEventsTest::assertConsistent);
        }
        synchronized (stillListening) {
            assertThat(stillListening).isNotEmpty().allSatisfy(events -> {
                synchronized (events) {
                    assertThat(events).last().isEqualTo(new CardEvent.Inserted(R0));
                }
            });
        }
    }

    private static boolean endsInserted(List<CardEvent> events) {
        synchronized (events) {
            return !events.isEmpty() && events.get(events.size() - 1).equals(new CardEvent.Inserted(R0));
        }
    }

    private static void assertConsistent(List<CardEvent> events) {
        synchronized (events) {
            Boolean in = null; // unknown until the welcome
            for (int i = 0; i < events.size(); i++) {
                CardEvent e = events.get(i);
                int at = i;
                Supplier<String> story = () -> "event " + at + " of " + events.subList(0, Math.min(events.size(), at + 3));
                if (e instanceof CardEvent.ReadersChanged) {
                    assertThat(in).as(() -> "the readers come once, first: " + story.get()).isNull();
                    in = false; // a card already in follows as Inserted
                } else {
                    assertThat(in).as(() -> "an event before the welcome: " + story.get()).isNotNull();
                    assertThat(in).as(() -> (e instanceof CardEvent.Inserted ? "inserted while in: " : "removed while out: ") + story.get())
                            .isEqualTo(e instanceof CardEvent.Removed);
                    in = e instanceof CardEvent.Inserted;
                }
            }
        }
    }

    @Test
    void aWaiterWakesWhenANewerSnapshotIsPublished() throws Exception {
        hub.publish(card(false));
        ReaderEvents.Snapshot seen = hub.snapshot();
        CompletableFuture<ReaderEvents.Snapshot> waiter =
                CompletableFuture.supplyAsync(() -> awaitNewer(seen.generation(), TestTime.bound(Duration.ofSeconds(30))));

        hub.publish(card(true));

        ReaderEvents.Snapshot newer = waiter.get(TestTime.scaled(30), TimeUnit.SECONDS);
        assertThat(newer.readers()).containsExactly(new ReaderInfo(R0, true));
        assertThat(newer.serviceUp()).isTrue();
        assertThat(newer.generation()).isGreaterThan(seen.generation());
    }

    @Test
    void afterCloseNothingIsDeliveredAndNewListenersAreIgnored() throws Exception {
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        hub.addListener(events::add);
        hub.publish(card(false));
        assertThat(next(events)).isInstanceOf(CardEvent.ReadersChanged.class);

        hub.close();
        hub.publish(card(true));
        hub.addListener(events::add);
        hub.serviceLost(CardError.PCSC_UNAVAILABLE, "gone");

        assertThat(events).isEmpty();
        assertThat(hub.snapshot().readers()).containsExactly(new ReaderInfo(R0, false));
    }

    @Test
    void aListenerMayCloseTheHubWhileHearingAnEvent() throws Exception {
        BlockingQueue<CardEvent> closer = new LinkedBlockingQueue<>();
        BlockingQueue<CardEvent> after = new LinkedBlockingQueue<>();
        hub.addListener(e -> {
            hub.close(); // a screen shutting the reader down from its event
            closer.add(e);
        });
        hub.addListener(after::add);
        hub.publish(card(true));

        assertThat(next(closer)).isInstanceOf(CardEvent.ReadersChanged.class);
        hub.publish(card(false));
        ReaderEvents.Snapshot last = hub.snapshot();
        assertThat(last.readers()).as("nothing is published after close").containsExactly(new ReaderInfo(R0, true));
        assertThat(closer).isEmpty();
        assertThat(after).as("closed before its turn").isEmpty();
    }

    private ReaderEvents.Snapshot awaitNewer(long generation, Duration max) {
        try {
            return hub.awaitNewer(generation, max);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(TestTime.scaled(5), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
