package com.simkiosk.mock.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.CardType;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemorySimReaderTest {

    private static final String R0 = "Reader 0";
    private static final String R1 = "Reader 1";
    private static final Iccid ICCID = new Iccid("8981100000000000901");

    private final InMemorySimReader reader = new InMemorySimReader(List.of(R0, R1), Duration.ofSeconds(5));
    private final BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> eventThreads = new LinkedBlockingQueue<>();

    InMemorySimReaderTest() {
        reader.addListener(event -> {
            eventThreads.add(Thread.currentThread().getName());
            events.add(event);
        });
    }

    @AfterEach
    void close() {
        reader.close();
    }

    private CardEvent nextEvent() throws InterruptedException {
        CardEvent event = events.poll(TestTime.scaled(5), TimeUnit.SECONDS);
        assertThat(event).as("an event within 5 s").isNotNull();
        return event;
    }

    @Test
    void insertingACardIsAnnouncedOnTheReadersOwnThread() throws Exception {
        reader.insert(R1, DemoCard.sim(ICCID));

        assertThat(nextEvent()).isEqualTo(new CardEvent.Inserted(R1));
        assertThat(eventThreads.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo("in-memory-reader-events");
        assertThat(reader.readers()).containsExactly(new ReaderInfo(R0, false), new ReaderInfo(R1, true));
    }

    @Test
    void aListenerAddedWhileACardIsInHearsItInsertedOnceAndThenWhatHappensNext() throws Exception {
        reader.insert(R1, DemoCard.sim(ICCID));
        assertThat(nextEvent()).isEqualTo(new CardEvent.Inserted(R1));

        // A kiosk restarted with a SIM inside subscribes now: it must see the card that is already there.
        BlockingQueue<CardEvent> late = new LinkedBlockingQueue<>();
        reader.addListener(late::add);
        reader.insert(R0, DemoCard.sim(ICCID));

        assertThat(late.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(R1));
        assertThat(late.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(R0));
        assertThat(nextEvent()).isEqualTo(new CardEvent.Inserted(R0));
    }

    @Test
    void aListenerAddedWhileTheServiceIsDownHearsThatItIsLost() throws Exception {
        reader.insert(R0, DemoCard.sim(ICCID));
        reader.setServiceDown(true);

        BlockingQueue<CardEvent> late = new LinkedBlockingQueue<>();
        reader.addListener(late::add);

        assertThat(late.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isInstanceOfSatisfying(CardEvent.ServiceLost.class,
                lost -> assertThat(lost.error()).isEqualTo(CardError.PCSC_UNAVAILABLE));
    }

    @Test
    void aRemovedListenerHearsNothingMore() throws Exception {
        BlockingQueue<CardEvent> other = new LinkedBlockingQueue<>();
        java.util.function.Consumer<CardEvent> listener = other::add;
        reader.addListener(listener);
        reader.removeListener(listener);
        reader.insert(R0, DemoCard.sim(ICCID));

        assertThat(nextEvent()).isEqualTo(new CardEvent.Inserted(R0));
        // The same event thread delivered to the first listener already: the removed one had its chance.
        reader.remove(R0);
        assertThat(nextEvent()).isEqualTo(new CardEvent.Removed(R0));
        assertThat(other).isEmpty();
    }

    @Test
    void readGivesTheIdentityWithTheCurrentPinStatus() {
        reader.insert(R0, DemoCard.sim(ICCID).withPin("2468", 3).as2g());

        ReadResult result = reader.read(R0);

        CardIdentity identity = ((ReadResult.Sim) result).identity();
        assertThat(identity.iccid()).isEqualTo(ICCID);
        assertThat(identity.reader()).isEqualTo(R0);
        assertThat(identity.type()).isEqualTo(CardType.SIM_2G);
        assertThat(identity.pin()).isEqualTo(new PinStatus(true, 3));
    }

    @Test
    void removingACardIsAnnouncedAndLaterReadsSayRemoved() throws Exception {
        reader.insert(R0, DemoCard.sim(ICCID));
        reader.remove(R0);

        assertThat(nextEvent()).isEqualTo(new CardEvent.Inserted(R0));
        assertThat(nextEvent()).isEqualTo(new CardEvent.Removed(R0));
        assertThat(reader.read(R0)).isEqualTo(new ReadResult.Failed(CardError.CARD_REMOVED, "no card in the reader"));
    }

    @Test
    void insertingOverACardRemovesTheOldOneFirst() throws Exception {
        reader.insert(R0, DemoCard.sim(ICCID));
        reader.insert(R0, DemoCard.sim(new Iccid("8981200000000000012")));

        assertThat(List.of(nextEvent(), nextEvent(), nextEvent())).containsExactly(
                new CardEvent.Inserted(R0), new CardEvent.Removed(R0), new CardEvent.Inserted(R0));
        assertThat(((ReadResult.Sim) reader.read(R0)).identity().iccid().issuerPrefix()).isEqualTo("898120");
    }

    @Test
    void cardWithoutIccidReadsAsNotASim() {
        reader.insert(R0, DemoCard.sim(ICCID).behaving(DemoCard.Behaviour.NOT_A_SIM));

        assertThat(((ReadResult.Failed) reader.read(R0)).error()).isEqualTo(CardError.NOT_A_SIM);
    }

    @Test
    void muteCardReadsAsMute() {
        reader.insert(R0, DemoCard.sim(ICCID).behaving(DemoCard.Behaviour.MUTE));

        assertThat(((ReadResult.Failed) reader.read(R0)).error()).isEqualTo(CardError.CARD_MUTE);
    }

    @Test
    void cardPulledMidReadFailsTheReadAndIsAnnouncedAsRemoved() throws Exception {
        reader.insert(R0, DemoCard.sim(ICCID).behaving(DemoCard.Behaviour.REMOVED_MID_READ));
        assertThat(nextEvent()).isEqualTo(new CardEvent.Inserted(R0));

        assertThat(((ReadResult.Failed) reader.read(R0)).error()).isEqualTo(CardError.CARD_REMOVED);
        assertThat(nextEvent()).isEqualTo(new CardEvent.Removed(R0));
        assertThat(reader.card(R0)).isEmpty();
    }

    @Test
    void slowCardWithinTheBoundIsRead() {
        reader.insert(R0, DemoCard.sim(ICCID).slowRead(Duration.ofMillis(30)));

        assertThat(reader.read(R0)).isInstanceOf(ReadResult.Sim.class);
    }

    @Test
    void cardSlowerThanTheBoundTimesOut() {
        try (InMemorySimReader strict = new InMemorySimReader(List.of(R0), Duration.ofMillis(50))) {
            strict.insert(R0, DemoCard.sim(ICCID).slowRead(Duration.ofMinutes(10)));

            assertThat(((ReadResult.Failed) strict.read(R0)).error()).isEqualTo(CardError.TIMEOUT);
        }
    }

    @Test
    void removingTheCardDuringASlowReadEndsTheReadAsRemoved() throws Exception {
        reader.insert(R0, DemoCard.sim(ICCID).slowRead(Duration.ofMinutes(10)));
        Thread[] readingThread = new Thread[1];
        CompletableFuture<ReadResult> read = CompletableFuture.supplyAsync(() -> {
            readingThread[0] = Thread.currentThread();
            return reader.read(R0);
        });
        long deadline = System.nanoTime() + TestTime.bound(Duration.ofSeconds(5)).toNanos();
        while ((readingThread[0] == null || readingThread[0].getState() != Thread.State.TIMED_WAITING)
                && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the read is waiting on the slow card
        }

        reader.remove(R0);

        assertThat(((ReadResult.Failed) read.get(TestTime.scaled(5), TimeUnit.SECONDS)).error()).isEqualTo(CardError.CARD_REMOVED);
    }

    @Test
    void rightPinVerifiesAndResetsTheCounter() {
        reader.insert(R0, DemoCard.sim(ICCID).withPin("2468", 2));

        assertThat(reader.verifyPin(R0, "2468")).isEqualTo(new PinResult.Verified());
        assertThat(reader.card(R0).orElseThrow().pinTriesLeft()).isEqualTo(3);
    }

    @Test
    void wrongPinsCountDownAndTheLastTryIsNeverSpent() {
        reader.insert(R0, DemoCard.sim(ICCID).withPin("2468", 3));

        assertThat(reader.verifyPin(R0, "0000")).isEqualTo(new PinResult.Wrong(2));
        assertThat(reader.verifyPin(R0, "0000")).isEqualTo(new PinResult.Wrong(1));
        assertThat(reader.verifyPin(R0, "2468")).isEqualTo(new PinResult.Refused(1));

        assertThat(reader.card(R0).orElseThrow().pinTriesLeft()).isEqualTo(1);
        assertThat(((ReadResult.Sim) reader.read(R0)).identity().pin()).isEqualTo(new PinStatus(true, 1));
    }

    @Test
    void blockedSimIsRefused() {
        reader.insert(R0, DemoCard.sim(ICCID).withPin("2468", 0));

        assertThat(reader.verifyPin(R0, "2468")).isEqualTo(new PinResult.Refused(0));
    }

    @Test
    void simWithoutPinSaysSo() {
        reader.insert(R0, DemoCard.sim(ICCID));

        assertThat(reader.verifyPin(R0, "1234")).isEqualTo(new PinResult.NotEnabled());
    }

    @Test
    void pinWithoutACardFailsAsRemoved() {
        assertThat(reader.verifyPin(R0, "1234")).isInstanceOf(PinResult.Failed.class)
                .extracting(r -> ((PinResult.Failed) r).error()).isEqualTo(CardError.CARD_REMOVED);
    }

    @Test
    void awaitAndReadGivesUpAfterItsTimeout() {
        assertThat(((ReadResult.Failed) reader.awaitAndRead(null, Duration.ofMillis(30))).error())
                .isEqualTo(CardError.TIMEOUT);
    }

    @Test
    void awaitAndReadReadsACardInsertedWhileWaiting() throws Exception {
        CompletableFuture<ReadResult> waiting =
                CompletableFuture.supplyAsync(() -> reader.awaitAndRead(R1, TestTime.bound(Duration.ofSeconds(10))));

        reader.insert(R0, DemoCard.sim(new Iccid("8981200000000000012"))); // the wrong reader
        reader.insert(R1, DemoCard.sim(ICCID));

        ReadResult result = waiting.get(TestTime.scaled(10), TimeUnit.SECONDS);
        assertThat(((ReadResult.Sim) result).identity().iccid()).isEqualTo(ICCID);
    }

    @Test
    void lostServiceFailsReadsAndIsAnnounced() throws Exception {
        reader.insert(R0, DemoCard.sim(ICCID));
        reader.setServiceDown(true);

        assertThat(nextEvent()).isEqualTo(new CardEvent.Inserted(R0));
        assertThat(nextEvent()).isInstanceOf(CardEvent.ServiceLost.class);
        assertThat(((ReadResult.Failed) reader.read(R0)).error()).isEqualTo(CardError.PCSC_UNAVAILABLE);
        assertThat(reader.readers()).isEmpty();

        reader.setServiceDown(false);
        assertThat(reader.read(R0)).isInstanceOf(ReadResult.Sim.class);
    }

    @Test
    void unknownReaderIsNoReader() {
        assertThat(((ReadResult.Failed) reader.read("Nope")).error()).isEqualTo(CardError.NO_READER);
    }

    @Test
    void demoCardFromAnIdentityReadsBackAsThatIdentity() {
        CardIdentity identity = new CardIdentity(R0, DemoCard.UICC_ATR, CardType.UICC, ICCID, new PinStatus(true, 2));
        reader.insert(R0, identity);

        assertThat(reader.read(R0)).isEqualTo(new ReadResult.Sim(identity));
    }

    @Test
    void logsTheIccidOnlyMasked() {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(InMemorySimReader.class);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            reader.insert(R0, DemoCard.sim(ICCID));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).extracting(e -> e.getFormattedMessage())
                .anyMatch(line -> line.contains("8981 10** **** **** 901"))
                .noneMatch(line -> line.contains(ICCID.digits()));
    }

    @Test
    void afterCloseReadsFailAndNoEventsAreDelivered() throws Exception {
        reader.close();
        reader.insert(R0, DemoCard.sim(ICCID));

        assertThat(((ReadResult.Failed) reader.read(R0)).error()).isEqualTo(CardError.PCSC_UNAVAILABLE);
        assertThat(events.poll(TestTime.scaled(50), TimeUnit.MILLISECONDS)).isNull();
    }
}
