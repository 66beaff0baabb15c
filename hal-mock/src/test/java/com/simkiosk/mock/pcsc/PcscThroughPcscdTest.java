package com.simkiosk.mock.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.CardType;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.apdu.CardIoException;
import com.simkiosk.card.apdu.Hex;
import com.simkiosk.card.pcsc.PcscSimReader;
import com.simkiosk.mock.sim.SimFault;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.mock.vpcd.PcscdProcess;
import com.simkiosk.mock.vpcd.VpcdBridge;
import com.simkiosk.testing.LogCapture;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real stack: javax.smartcardio → libpcsclite → our own pcscd → vpcd → {@link VpcdBridge} →
 * {@link VirtualSim}. The late-start test runs first, before this JVM has ever talked to pcscd.
 */
@ExtendWith(PcscdExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PcscThroughPcscdTest {
    private static final String SLOT0 = "Virtual PCD 00 00";
    private static final String ICCID = "8981100000000000905";
    private static final Duration CARD_SEEN = TestTime.bound(Duration.ofSeconds(5));

    private final VpcdBridge slot0 = new VpcdBridge(0);

    /** pcscd polls vpcd every 400 ms: wait until it has seen the card go, or the next test meets a ghost. */
    @AfterEach
    void pullTheCard(PcscdProcess pcscd) {
        slot0.close();
        if (pcscd.running()) {
            try (PcscSimReader reader = new PcscSimReader()) {
                Await.until(CARD_SEEN, () -> reader.readers().stream().noneMatch(ReaderInfo::cardPresent), "card gone");
            }
        }
    }

    private static ReadResult.Sim readOk(PcscSimReader reader) {
        ReadResult result = reader.read(SLOT0);
        assertThat(result).isInstanceOf(ReadResult.Sim.class);
        return (ReadResult.Sim) result;
    }

    private void insertAndWait(PcscSimReader reader, VirtualSimSpec spec) {
        slot0.insert(new VirtualSim(spec));
        awaitPresence(reader, true);
    }

    private static void awaitPresence(PcscSimReader reader, boolean present) {
        Await.until(CARD_SEEN, () -> reader.readers().contains(new ReaderInfo(SLOT0, present)),
                "card " + (present ? "present in " : "gone from ") + SLOT0);
    }

    private static CardEvent next(BlockingQueue<CardEvent> events, Predicate<CardEvent> wanted, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TestTime.bound(Duration.ofSeconds(8)).toNanos();
        while (true) {
            CardEvent event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(event).as("event: " + what).isNotNull();
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    @Test
    @Order(1)
    void theReaderShowsUpByItselfWhenPcscdStartsAfterTheKiosk(PcscdProcess pcscd) throws Exception {
        pcscd.stop();
        try (PcscSimReader reader = new PcscSimReader()) {
            assertThatThrownBy(reader::listReaders).isInstanceOfSatisfying(CardIoException.class,
                    e -> assertThat(e.error()).isEqualTo(CardError.PCSC_UNAVAILABLE));
            assertThat(reader.readers()).isEmpty();
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            reader.addListener(events::add);
            next(events, e -> e instanceof CardEvent.ServiceLost, "service lost while pcscd is down");

            pcscd.start();
            next(events, e -> e instanceof CardEvent.ReadersChanged rc
                    && rc.readers().stream().anyMatch(r -> r.name().equals(SLOT0)), "vpcd reader appears");
            slot0.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID)));
            next(events, e -> e.equals(new CardEvent.Inserted(SLOT0)), "card inserted");
            ReadResult result = reader.awaitAndRead(SLOT0, CARD_SEEN);
            assertThat(result).isInstanceOfSatisfying(ReadResult.Sim.class,
                    sim -> assertThat(sim.identity().iccid().digits()).isEqualTo(ICCID));
        }
    }

    @Test
    void readsAUiccThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insertAndWait(reader, VirtualSimSpec.uicc(ICCID).withPin("1234", 3));
            var identity = readOk(reader).identity();
            assertThat(identity.type()).isEqualTo(CardType.UICC);
            assertThat(identity.iccid().digits()).isEqualTo(ICCID);
            assertThat(identity.iccid().japaneseIssuer()).contains("NTT DOCOMO");
            assertThat(identity.atrHex()).isEqualTo("3B065549434330 31".replace(" ", ""));
            assertThat(identity.pin()).isEqualTo(new PinStatus(true, 3));
        }
    }

    @Test
    void readsIccidFrom2gSimThatAnswers9FThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insertAndWait(reader, VirtualSimSpec.sim2g("8944200000000000007").withPin("1234", 2));
            var identity = readOk(reader).identity();
            assertThat(identity.type()).isEqualTo(CardType.SIM_2G);
            assertThat(identity.iccid().digits()).isEqualTo("8944200000000000007");
            assertThat(identity.iccid().isJapanese()).isFalse();
            assertThat(identity.pin()).isEqualTo(new PinStatus(true, 2));
        }
    }

    /** What reaches the virtual card through pcscd is what a real card would be asked: each APDU a round trip. */
    private List<String> commandsOfOneRead(PcscSimReader reader, VirtualSim card, String iccid) {
        slot0.insert(card);
        awaitPresence(reader, true);
        List<String> sent = new CopyOnWriteArrayList<>();
        card.tapCommands(command -> sent.add(Hex.encode(command)));
        assertThat(readOk(reader).identity().iccid().digits()).isEqualTo(iccid);
        return sent;
    }

    @Test
    void aUiccsIccidIsReadInThreeApdusThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            List<String> sent = commandsOfOneRead(reader, new VirtualSim(VirtualSimSpec.uicc(ICCID).withPin("1234", 3)), ICCID);
            // no FCP asked for, so no 61xx and no GET RESPONSE (it was four APDUs)
            assertThat(sent).containsExactly("00A4000C022FE2", "00B000000A", "00200001");
        }
    }

    @Test
    void a2gSimsIccidIsReadInFiveApdusThroughPcscd() {
        try (PcscSimReader reader = new PcscSimReader()) {
            String iccid = "8944200000000000007";
            List<String> sent = commandsOfOneRead(reader, new VirtualSim(VirtualSimSpec.sim2g(iccid).withPin("1234", 2)), iccid);
            // EF.ICCID's 9Fxx is not fetched; the MF's is, for the PIN state (it was six APDUs)
            assertThat(sent).containsExactly("00A4000C022FE2", "A0A40000022FE2", "A0B000000A", "A0A40000023F00", "A0C0000016");
        }
    }

    @Test
    void aBankCardIsNotASim() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insertAndWait(reader, VirtualSimSpec.bankCard());
            assertThat(reader.read(SLOT0)).isInstanceOfSatisfying(ReadResult.Failed.class,
                    f -> assertThat(f.error()).isEqualTo(CardError.NOT_A_SIM));
        }
    }

    @Test
    void aCardWithoutAtrIsMute() {
        try (PcscSimReader reader = new PcscSimReader()) {
            slot0.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID).withFault(SimFault.NO_ATR)));
            Await.until(CARD_SEEN, () -> reader.read(SLOT0) instanceof ReadResult.Failed f && f.error() == CardError.CARD_MUTE,
                    "mute card reported as CARD_MUTE");
        }
    }

    @Test
    void aCardPulledMidReadIsReportedRemovedAndTheNextCardReadsNormally() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insertAndWait(reader, VirtualSimSpec.uicc(ICCID).withFault(SimFault.REMOVED_MID_READ));
            assertThat(reader.read(SLOT0)).isInstanceOfSatisfying(ReadResult.Failed.class,
                    f -> assertThat(f.error()).isEqualTo(CardError.CARD_REMOVED));
            awaitPresence(reader, false);

            insertAndWait(reader, VirtualSimSpec.uicc("8981200000000000003"));
            assertThat(readOk(reader).identity().iccid().digits()).isEqualTo("8981200000000000003");
        }
    }

    @Test
    void theMonitorReportsInsertAndRemove() throws Exception {
        try (PcscSimReader reader = new PcscSimReader()) {
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            reader.addListener(events::add);
            slot0.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID)));
            next(events, e -> e.equals(new CardEvent.Inserted(SLOT0)), "inserted");
            slot0.remove();
            next(events, e -> e.equals(new CardEvent.Removed(SLOT0)), "removed");
        }
    }

    @Test
    void aKioskStartedWithACardAlreadyInTheReaderHearsItInserted() throws Exception {
        try (PcscSimReader reader = new PcscSimReader()) {
            insertAndWait(reader, VirtualSimSpec.uicc(ICCID)); // in before anyone listens: a restart, a power cut

            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            reader.addListener(events::add);

            next(events, e -> e.equals(new CardEvent.Inserted(SLOT0)), "the card that was already there");
        }
    }

    @Test
    void aListenerAddedLaterHearsAboutTheCardAlreadyInTheReader() throws Exception {
        try (PcscSimReader reader = new PcscSimReader()) {
            BlockingQueue<CardEvent> first = new LinkedBlockingQueue<>();
            reader.addListener(first::add);
            slot0.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID)));
            next(first, e -> e.equals(new CardEvent.Inserted(SLOT0)), "first listener: inserted");

            BlockingQueue<CardEvent> later = new LinkedBlockingQueue<>();
            reader.addListener(later::add);
            next(later, e -> e instanceof CardEvent.ReadersChanged rc && rc.readers().contains(new ReaderInfo(SLOT0, true)),
                    "later listener: the readers as they are");
            next(later, e -> e.equals(new CardEvent.Inserted(SLOT0)), "later listener: the card already there");
        }
    }

    @Test
    void aReadDuringTheMonitorsWaitIsNotHeldUp() throws Exception {
        try (PcscSimReader reader = new PcscSimReader()) {
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            reader.addListener(events::add);
            slot0.insert(new VirtualSim(VirtualSimSpec.uicc(ICCID)));
            next(events, e -> e.equals(new CardEvent.Inserted(SLOT0)), "inserted");
            for (int i = 0; i < 20; i++) {
                readOk(reader);
            }
            assertThat(events).noneMatch(e -> e instanceof CardEvent.ServiceLost);
        }
    }

    @Test
    void readsFromTwoThreadsAtOnceAllSucceed() throws Exception {
        try (PcscSimReader reader = new PcscSimReader()) {
            insertAndWait(reader, VirtualSimSpec.uicc(ICCID));
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2,
                    r -> new Thread(r, "test-reader"));
            try {
                List<java.util.concurrent.Future<ReadResult>> results = new java.util.ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    results.add(pool.submit(() -> reader.read(SLOT0)));
                }
                for (var result : results) {
                    assertThat(result.get(TestTime.scaled(10), TimeUnit.SECONDS)).isInstanceOf(ReadResult.Sim.class);
                }
            } finally {
                pool.shutdownNow();
                assertThat(pool.awaitTermination(TestTime.scaled(5), TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void verifiesThePinThroughPcscdButNeverSpendsTheLastTry() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insertAndWait(reader, VirtualSimSpec.uicc(ICCID).withPin("2468", 2));
            assertThat(reader.verifyPin(SLOT0, "1111")).isEqualTo(new PinResult.Wrong(1));
            assertThat(reader.verifyPin(SLOT0, "2468")).isEqualTo(new PinResult.Refused(1));
        }
    }

    @Test
    void aSimWhosePinWasJustVerifiedStillReadsAsPinEnabled() {
        try (PcscSimReader reader = new PcscSimReader()) {
            insertAndWait(reader, VirtualSimSpec.uicc(ICCID).withPin("2468", 3));
            assertThat(reader.verifyPin(SLOT0, "2468")).isEqualTo(new PinResult.Verified());
            // A card left verified answers the status VERIFY with 9000, the same as a card without a PIN.
            assertThat(readOk(reader).identity().pin()).isEqualTo(new PinStatus(true, 3));
            assertThat(reader.verifyPin(SLOT0, "2468")).isEqualTo(new PinResult.Verified());
        }
    }

    @Test
    void readsWorkAgainWithinThreeSecondsAfterPcscdRestarts(PcscdProcess pcscd) throws Exception {
        try (PcscSimReader reader = new PcscSimReader()) {
            BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
            reader.addListener(events::add);
            insertAndWait(reader, VirtualSimSpec.uicc(ICCID));
            readOk(reader);

            pcscd.stop();
            next(events, e -> e instanceof CardEvent.ServiceLost, "service lost");
            assertThat(reader.read(SLOT0)).isInstanceOfSatisfying(ReadResult.Failed.class,
                    f -> assertThat(f.error()).isEqualTo(CardError.PCSC_UNAVAILABLE));
            pcscd.start();
            long back = System.nanoTime();
            Await.until(Duration.ofSeconds(3), () -> reader.read(SLOT0) instanceof ReadResult.Sim, "a read after the restart");
            assertThat(Duration.ofNanos(System.nanoTime() - back)).isLessThan(TestTime.bound(Duration.ofSeconds(3)));
            next(events, e -> e.equals(new CardEvent.Inserted(SLOT0)), "the monitor sees the card again");
        }
    }

    @Test
    void refusesToStartASecondPcscdNextToOneItDoesNotOwn() throws Exception {
        PcscdProcess second = new PcscdProcess(new java.io.File("target/pcscd-second.log"));
        assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another pcscd is already running");
        assertThat(second.running()).isFalse();
        // The refused owner must not have dropped this JVM's lock (POSIX locks belong to the process).
        assertThat(thisProcessHoldsThePcscdLock()).isTrue();
    }

    @Test
    void aToolThatSharesPcscdDoesNotUseTheTestsPcscdWithoutItsLock() throws Exception {
        PcscdProcess bench = new PcscdProcess(new java.io.File("target/pcscd-shared.log"));
        try {
            assertThatThrownBy(bench::startUnlessRunning).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("another pcscd is already running");
            assertThat(bench.running()).isFalse();
        } finally {
            bench.close();
        }
        assertThat(thisProcessHoldsThePcscdLock()).isTrue();
    }

    /** What the kernel says: /proc/locks lists a POSIX lock of this process on the lock file. */
    private static boolean thisProcessHoldsThePcscdLock() throws java.io.IOException {
        java.nio.file.Path lockFile = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "simkiosk-pcscd.lock");
        long inode = (Long) java.nio.file.Files.getAttribute(lockFile, "unix:ino");
        String pid = Long.toString(ProcessHandle.current().pid());
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/locks")).stream()
                .map(line -> line.trim().split("\\s+"))
                .anyMatch(f -> f.length > 5 && f[1].equals("POSIX") && f[4].equals(pid) && f[5].endsWith(":" + inode));
    }

    @Test
    void logsNeverCarryTheFullIccid() {
        try (LogCapture logs = LogCapture.atDebug("com.simkiosk")) {
            try (PcscSimReader reader = new PcscSimReader()) {
                insertAndWait(reader, VirtualSimSpec.uicc(ICCID));
                readOk(reader);
            }
            List<String> lines = logs.messages();
            assertThat(lines).anyMatch(line -> line.contains("8981 10** **** **** 905"));
            assertThat(lines).noneMatch(line -> line.contains(ICCID));
        }
    }
}
