package com.simkiosk.card.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The reader's logic over an in-memory line; the real serial path is tested in hal-mock through socat. */
class AtModemSimReaderTest {
    private static final String ICCID = "8981100000000000019";
    private static final AtModemSimReader.Settings FAST =
            new AtModemSimReader.Settings(Duration.ofMillis(300), Duration.ofMillis(20));

    /** A u-blox-like module: AT+CCID, PIN disabled, everything else ERROR. */
    private static String ublox(String cmd) {
        return switch (cmd) {
            case "ATE0" -> "\r\nOK\r\n";
            case "AT+CPIN?" -> "\r\n+CPIN: READY\r\n\r\nOK\r\n";
            case "AT+CCID" -> "\r\n+CCID: " + ICCID + "\r\n\r\nOK\r\n";
            case "AT+CLCK=\"SC\",2" -> "\r\n+CLCK: 0\r\n\r\nOK\r\n";
            default -> "\r\nERROR\r\n";
        };
    }

    private static AtModemSimReader reader(FakeModemLink link) {
        return new AtModemSimReader("/dev/fake", () -> link, FAST);
    }

    @Test
    void readsTheIccidAndPinStateOfAModuleThatSpeaksCcid() {
        try (AtModemSimReader reader = reader(new FakeModemLink(AtModemSimReaderTest::ublox))) {
            ReadResult result = reader.read("AT modem /dev/fake");
            assertThat(result).isInstanceOf(ReadResult.Sim.class);
            ReadResult.Sim sim = (ReadResult.Sim) result;
            assertThat(sim.identity().iccid().digits()).isEqualTo(ICCID);
            assertThat(sim.identity().pin()).isEqualTo(PinStatus.DISABLED);
            assertThat(reader.readers()).singleElement().satisfies(r -> assertThat(r.cardPresent()).isTrue());
        }
    }

    @Test
    void remembersTheDialectThatWorked() {
        FakeModemLink link = new FakeModemLink(cmd -> cmd.equals("AT+CCID") ? "\r\nERROR\r\n"
                : cmd.equals("AT^ICCID?") ? "\r\n^ICCID: 98881201000040031 0F0\r\n\r\nOK\r\n".replace(" ", "") : ublox(cmd));
        try (AtModemSimReader reader = reader(link)) {
            assertThat(reader.read(reader.readerName())).isInstanceOf(ReadResult.Sim.class);
            link.commands.clear();
            ReadResult again = reader.read(reader.readerName());
            assertThat(((ReadResult.Sim) again).identity().iccid().digits()).isEqualTo("8988211000000430010");
            assertThat(link.commands).contains("AT^ICCID?").doesNotContain("AT+CCID", "AT+QCCID");
        }
    }

    /**
     * A module that knows no ICCID command, reached through AT+CSIM only, whose SIM PIN the module itself gave at
     * power-up: the SIM answers the status VERIFY with 9000, as it would with no PIN at all.
     */
    private static String csimOnlyWithPinGivenByTheModule(String cmd) {
        return switch (cmd) {
            case "ATE0" -> "\r\nOK\r\n";
            case "AT+CPIN?" -> "\r\n+CPIN: READY\r\n\r\nOK\r\n";
            case "AT+CLCK=\"SC\",2" -> "\r\n+CLCK: 1\r\n\r\nOK\r\n";
            case "AT+CPINR=\"SIM PIN\"" -> "\r\n+CPINR: SIM PIN,3,3\r\n\r\nOK\r\n";
            case "AT+CSIM=14,\"00A4000C022FE2\"" -> "\r\n+CSIM: 4,\"9000\"\r\n\r\nOK\r\n";
            case "AT+CSIM=10,\"00B000000A\"" -> "\r\n+CSIM: 24,\"98881201000040031 0F09000\"\r\n\r\nOK\r\n".replace(" ", "");
            case "AT+CSIM=8,\"00200001\"" -> "\r\n+CSIM: 4,\"9000\"\r\n\r\nOK\r\n";
            default -> "\r\nERROR\r\n";
        };
    }

    @Test
    void aSimReadThroughCsimWhosePinTheModuleGaveStillReadsAsPinEnabled() {
        try (AtModemSimReader reader = reader(new FakeModemLink(AtModemSimReaderTest::csimOnlyWithPinGivenByTheModule))) {
            ReadResult result = reader.read(reader.readerName());
            assertThat(result).isInstanceOfSatisfying(ReadResult.Sim.class, sim -> {
                assertThat(sim.identity().iccid().digits()).isEqualTo("8988211000000430010");
                assertThat(sim.identity().pin()).isEqualTo(new PinStatus(true, 3));
            });
        }
    }

    @Test
    void reportsNoSimAsCardRemoved() {
        FakeModemLink link = new FakeModemLink(cmd -> cmd.equals("AT+CPIN?") ? "\r\n+CME ERROR: 10\r\n" : ublox(cmd));
        try (AtModemSimReader reader = reader(link)) {
            assertThat(reader.read(reader.readerName()))
                    .isEqualTo(new ReadResult.Failed(CardError.CARD_REMOVED, "no SIM in the modem"));
            assertThat(reader.readers()).singleElement().satisfies(r -> assertThat(r.cardPresent()).isFalse());
        }
    }

    @Test
    void aSimThatLeavesDuringTheReadIsCardRemoved() {
        FakeModemLink link = new FakeModemLink(cmd -> cmd.equals("AT+CCID")
                ? "\r\n+CPIN: NOT INSERTED\r\n\r\n+CME ERROR: 10\r\n" : ublox(cmd));
        try (AtModemSimReader reader = reader(link)) {
            ReadResult result = reader.read(reader.readerName());
            assertThat(result).isInstanceOf(ReadResult.Failed.class);
            assertThat(((ReadResult.Failed) result).error()).isEqualTo(CardError.CARD_REMOVED);
        }
    }

    @Test
    void aVanishedPortIsServiceUnavailableAndRecoversWhenItComesBack() {
        AtomicInteger opens = new AtomicInteger();
        FakeModemLink first = new FakeModemLink(AtModemSimReaderTest::ublox);
        FakeModemLink second = new FakeModemLink(AtModemSimReaderTest::ublox);
        try (AtModemSimReader reader = new AtModemSimReader("/dev/fake",
                () -> opens.incrementAndGet() == 1 ? first : second, FAST)) {
            assertThat(reader.read(reader.readerName())).isInstanceOf(ReadResult.Sim.class);
            first.vanish();
            ReadResult lost = reader.read(reader.readerName());
            assertThat(((ReadResult.Failed) lost).error()).isEqualTo(CardError.PCSC_UNAVAILABLE);
            assertThat(reader.read(reader.readerName())).isInstanceOf(ReadResult.Sim.class);
            assertThat(opens).hasValue(2);
        }
    }

    @Test
    void aPortThatCannotBeOpenedIsNoReaderListed() {
        try (AtModemSimReader reader = AtModemSimReader.open("/dev/does-not-exist-kiosk", 115200)) {
            assertThat(reader.readers()).isEmpty();
            ReadResult result = reader.read(reader.readerName());
            assertThat(((ReadResult.Failed) result).error()).isEqualTo(CardError.PCSC_UNAVAILABLE);
            assertThat(((ReadResult.Failed) result).detail()).isEqualTo(
                    "serial port /dev/does-not-exist-kiosk cannot be opened (missing, unplugged, or no permission?)");
            assertThat(reader.fault()).contains((ReadResult.Failed) result);
        }
    }

    @Test
    void anotherReadersNameIsNoReader() {
        try (AtModemSimReader reader = reader(new FakeModemLink(AtModemSimReaderTest::ublox))) {
            assertThat(((ReadResult.Failed) reader.read("Virtual PCD 00 00")).error()).isEqualTo(CardError.NO_READER);
        }
    }

    @Test
    void aSilentModemIsSilentNotAMissingPort() {
        try (AtModemSimReader reader = reader(new FakeModemLink(cmd -> null))) {
            ReadResult.Failed failed = (ReadResult.Failed) reader.read(reader.readerName());

            assertThat(failed.error()).isEqualTo(CardError.READER_SILENT);
            assertThat(failed.detail()).isEqualTo(
                    "the modem on /dev/fake does not answer AT within 300 ms (switched off, still starting, or another baud rate?)");
            assertThat(reader.fault()).contains(failed);
        }
    }

    @Test
    void aCancelWhileThePortOpensIsNoSilentModemFault() {
        try (AtModemSimReader reader = reader(new FakeModemLink(AtModemSimReaderTest::ublox))) {
            Thread.currentThread().interrupt(); // the kiosk cancels the read as the port opens
            ReadResult result;
            boolean stillInterrupted;
            try {
                result = reader.read(reader.readerName());
            } finally {
                stillInterrupted = Thread.interrupted(); // clears the flag for the rest of the run
            }

            assertThat(stillInterrupted).isTrue();
            assertThat(result).isInstanceOfSatisfying(ReadResult.Failed.class,
                    failed -> assertThat(failed.error()).isNotIn(CardError.READER_SILENT, CardError.READER_GARBLED));
            assertThat(reader.fault()).isEmpty();
        }
    }

    @Test
    void aModemAnsweringGarbageIsGarbled() {
        try (AtModemSimReader reader = reader(new FakeModemLink(cmd -> "\u00ff\u0013#x\r\n\u0082\u00e0~~\r\n"))) {
            ReadResult.Failed failed = (ReadResult.Failed) reader.read(reader.readerName());

            assertThat(failed.error()).isEqualTo(CardError.READER_GARBLED);
            assertThat(failed.detail()).contains("answers, but not with AT responses");
            assertThat(reader.readers()).isEmpty();
            assertThat(reader.fault()).map(ReadResult.Failed::error).contains(CardError.READER_GARBLED);
        }
    }

    @Test
    void aModemThatAnswersAgainClearsTheFault() {
        boolean[] awake = {false};
        try (AtModemSimReader reader = reader(new FakeModemLink(cmd -> awake[0] ? ublox(cmd) : null))) {
            assertThat(reader.readers()).isEmpty();
            assertThat(reader.fault()).map(ReadResult.Failed::error).contains(CardError.READER_SILENT);

            awake[0] = true;

            assertThat(reader.readers()).hasSize(1);
            assertThat(reader.fault()).isEmpty();
        }
    }

    private static Function<String, String> pinLocked(int[] tries, String pin) {
        return cmd -> {
            if (cmd.equals("AT+CPIN?")) {
                return tries[0] == 0 ? "\r\n+CPIN: SIM PUK\r\n\r\nOK\r\n" : "\r\n+CPIN: SIM PIN\r\n\r\nOK\r\n";
            }
            if (cmd.equals("AT+QPINC=\"SC\"")) {
                return "\r\n+QPINC: \"SC\"," + tries[0] + ",10\r\n\r\nOK\r\n";
            }
            if (cmd.startsWith("AT+CPIN=")) {
                if (cmd.equals("AT+CPIN=\"" + pin + "\"")) {
                    return "\r\nOK\r\n";
                }
                tries[0]--;
                return "\r\n+CME ERROR: 16\r\n";
            }
            return ublox(cmd);
        };
    }

    @Test
    void verifiesAPinWhileTriesRemainAndNeverSpendsTheLastOne() {
        int[] tries = {2};
        FakeModemLink link = new FakeModemLink(pinLocked(tries, "1234"));
        try (AtModemSimReader reader = reader(link)) {
            ReadResult read = reader.read(reader.readerName());
            assertThat(((ReadResult.Sim) read).identity().pin()).isEqualTo(new PinStatus(true, 2));
            assertThat(reader.verifyPin(reader.readerName(), "0000")).isEqualTo(new PinResult.Wrong(1));
            assertThat(reader.verifyPin(reader.readerName(), "1234")).isEqualTo(new PinResult.Refused(1));
            assertThat(tries[0]).isEqualTo(1);
            assertThat(link.commands.stream().filter(c -> c.startsWith("AT+CPIN=")).count()).isEqualTo(1);
        }
    }

    @Test
    void verifiesTheRightPin() {
        int[] tries = {3};
        try (AtModemSimReader reader = reader(new FakeModemLink(pinLocked(tries, "1234")))) {
            assertThat(reader.verifyPin(reader.readerName(), "1234")).isEqualTo(new PinResult.Verified());
            assertThat(tries[0]).isEqualTo(3);
        }
    }

    @Test
    void neverSendsAMalformedPin() {
        int[] tries = {3};
        FakeModemLink link = new FakeModemLink(pinLocked(tries, "1234"));
        try (AtModemSimReader reader = reader(link)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.verifyPin(reader.readerName(), "12\"4"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(link.commands).noneMatch(c -> c.startsWith("AT+CPIN="));
        }
    }

    @Test
    void awaitAndReadWaitsOnTheMonitorsPollsInsteadOfPollingTheModuleItself() throws Exception {
        AtomicBoolean present = new AtomicBoolean(false);
        List<String> askedWhileEmpty = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch threePolls = new CountDownLatch(3);
        AtomicBoolean callerWaits = new AtomicBoolean();
        FakeModemLink link = new FakeModemLink(cmd -> {
            if (cmd.equals("AT+CPIN?") && !present.get()) {
                askedWhileEmpty.add(Thread.currentThread().getName());
                if (callerWaits.get()) {
                    threePolls.countDown();
                }
                return "\r\n+CME ERROR: 10\r\n";
            }
            return ublox(cmd);
        });
        try (AtModemSimReader reader = reader(link)) {
            AtomicReference<Thread> caller = new AtomicReference<>();
            CompletableFuture<ReadResult> waiting = CompletableFuture.supplyAsync(() -> {
                caller.set(Thread.currentThread());
                return reader.awaitAndRead(null, TestTime.bound(Duration.ofSeconds(10)));
            });
            // Polls are counted from the moment the caller is parked in awaitAndRead, not from the reader's start.
            TestTime.awaitUntil(Duration.ofSeconds(5), () -> caller.get() != null
                    && caller.get().getState() == Thread.State.TIMED_WAITING, "the caller waiting for a SIM");
            callerWaits.set(true);
            assertThat(threePolls.await(TestTime.scaled(5), TimeUnit.SECONDS)).isTrue();
            present.set(true);

            ReadResult read = waiting.get(TestTime.scaled(10), TimeUnit.SECONDS);

            assertThat(read).isInstanceOfSatisfying(ReadResult.Sim.class,
                    sim -> assertThat(sim.identity().iccid().digits()).isEqualTo(ICCID));
            // One poller for the whole reader: the waiting caller only wakes on what the monitor saw.
            assertThat(askedWhileEmpty).isNotEmpty().allSatisfy(thread -> assertThat(thread).startsWith("at-modem-monitor"));
        }
    }

    @Test
    void monitorReportsInsertAndRemoveFromPolling() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean present = new java.util.concurrent.atomic.AtomicBoolean(true);
        FakeModemLink link = new FakeModemLink(cmd -> cmd.equals("AT+CPIN?") && !present.get()
                ? "\r\n+CME ERROR: 10\r\n" : ublox(cmd));
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        try (AtModemSimReader reader = reader(link)) {
            reader.addListener(events::add);
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(
                    new CardEvent.ReadersChanged(List.of(new ReaderInfo(reader.readerName(), true))));
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));
            present.set(false);
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Removed(reader.readerName()));
            present.set(true);
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));
        }
    }

    @Test
    void aListenerAddedAfterTheMonitorStartedHearsTheSimAlreadyInTheModem() throws Exception {
        FakeModemLink link = new FakeModemLink(AtModemSimReaderTest::ublox);
        BlockingQueue<CardEvent> first = new LinkedBlockingQueue<>();
        BlockingQueue<CardEvent> later = new LinkedBlockingQueue<>();
        try (AtModemSimReader reader = reader(link)) {
            reader.addListener(first::add);
            assertThat(first.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isInstanceOf(CardEvent.ReadersChanged.class);
            assertThat(first.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));

            reader.addListener(later::add);

            assertThat(later.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(
                    new CardEvent.ReadersChanged(List.of(new ReaderInfo(reader.readerName(), true))));
            assertThat(later.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));
        }
    }

    @Test
    void logsTheIccidOnlyMasked() {
        try (LogCapture logs = LogCapture.atDebug(AtModemSimReader.class)) { // the read is logged at debug level
            try (AtModemSimReader reader = reader(new FakeModemLink(AtModemSimReaderTest::ublox))) {
                reader.read(reader.readerName());
            }
            List<String> messages = logs.messages();
            assertThat(messages).anyMatch(m -> m.contains("8981 10** **** **** 019"));
            assertThat(messages).noneMatch(m -> m.contains(ICCID));
        }
    }

    @Test
    void monitorReportsThePortLostAndBackAgain() throws Exception {
        FakeModemLink first = new FakeModemLink(AtModemSimReaderTest::ublox);
        FakeModemLink second = new FakeModemLink(AtModemSimReaderTest::ublox);
        java.util.concurrent.atomic.AtomicBoolean plugged = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicInteger opens = new AtomicInteger();
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        try (AtModemSimReader reader = new AtModemSimReader("/dev/fake", () -> {
            if (!plugged.get()) {
                throw new com.simkiosk.serial.SerialLinkException("no such port");
            }
            return opens.incrementAndGet() == 1 ? first : second;
        }, FAST)) {
            reader.addListener(events::add);
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isInstanceOf(CardEvent.ReadersChanged.class);
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));

            plugged.set(false);
            first.vanish();
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isInstanceOf(CardEvent.ServiceLost.class);
            // No ReadersChanged while the port is gone: the kiosk flow reads ReadersChanged as "service back".
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Removed(reader.readerName()));

            plugged.set(true);
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(
                    new CardEvent.ReadersChanged(List.of(new ReaderInfo(reader.readerName(), true))));
            assertThat(events.poll(TestTime.scaled(2), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));
        }
    }
}
