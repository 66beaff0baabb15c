package com.simkiosk.mock.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.CardType;
import com.simkiosk.card.Iccid;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.PinStatus;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.ReaderInfo;
import com.simkiosk.card.serial.AtModemSimReader;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.testing.TestTime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The AT-modem reader through real pseudo-terminals (socat), jssc on both ends. */
class AtModemOverPtyTest {
    private static final Iccid ICCID = Iccid.parse("8981100000000000019");
    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(5));
    private static final AtModemSimReader.Settings QUICK =
            new AtModemSimReader.Settings(TestTime.bound(Duration.ofSeconds(1)), Duration.ofMillis(50)); // a live modem answers: scale

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private <T extends AutoCloseable> T own(T thing) {
        opened.add(thing);
        return thing;
    }

    private PtyPair pty() throws Exception {
        return own(PtyPair.open(BOUND));
    }

    private SimulatedModem modem(PtyPair pty, ModemDialect dialect, SimulatedModem.Options options) throws Exception {
        return modem(pty, dialect, options, new VirtualSim(VirtualSimSpec.uicc(ICCID.digits())));
    }

    private SimulatedModem modem(PtyPair pty, ModemDialect dialect, SimulatedModem.Options options, VirtualSim card)
            throws Exception {
        return own(SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), 115200), dialect, card, options));
    }

    private AtModemSimReader reader(Path device) {
        return own(AtModemSimReader.open(device.toString(), 115200, QUICK));
    }

    private AtModemSimReader reader(PtyPair pty, AtModemSimReader.Settings settings) {
        return own(AtModemSimReader.open(pty.a().toString(), 115200, settings));
    }

    private static String iccidOf(ReadResult result) {
        assertThat(result).isInstanceOf(ReadResult.Sim.class);
        return ((ReadResult.Sim) result).identity().iccid().digits();
    }

    private static CardError errorOf(ReadResult result) {
        assertThat(result).isInstanceOf(ReadResult.Failed.class);
        return ((ReadResult.Failed) result).error();
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void readsTheIccidFromEveryDialect(ModemDialect dialect) throws Exception {
        PtyPair pty = pty();
        modem(pty, dialect, SimulatedModem.Options.PLAIN);
        AtModemSimReader reader = reader(pty, QUICK);
        ReadResult result = reader.read(reader.readerName());
        assertThat(iccidOf(result)).isEqualTo(ICCID.digits());
        assertThat(((ReadResult.Sim) result).identity().pin()).isEqualTo(PinStatus.DISABLED);
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void readsThroughStuckEchoChatterAndLineNoise(ModemDialect dialect) throws Exception {
        PtyPair pty = pty();
        modem(pty, dialect, SimulatedModem.Options.PLAIN.withEchoAlways().withChatter());
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(iccidOf(reader.read(reader.readerName()))).isEqualTo(ICCID.digits());
        assertThat(iccidOf(reader.read(reader.readerName()))).isEqualTo(ICCID.digits());
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void readsANibbleSwappedIccid(ModemDialect dialect) throws Exception {
        PtyPair pty = pty();
        modem(pty, dialect, SimulatedModem.Options.PLAIN.withNibbleSwapped());
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(iccidOf(reader.read(reader.readerName()))).isEqualTo(ICCID.digits());
    }

    @Test
    void fallsBackToReadBinaryThroughCrsm() throws Exception {
        PtyPair pty = pty();
        modem(pty, ModemDialect.UBLOX, SimulatedModem.Options.PLAIN.withoutIccidCommand());
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(iccidOf(reader.read(reader.readerName()))).isEqualTo(ICCID.digits());
    }

    @Test
    void waitsForASlowModemWithinTheCommandTimeout() throws Exception {
        PtyPair pty = pty();
        modem(pty, ModemDialect.QUECTEL, SimulatedModem.Options.PLAIN.withAnswerDelay(Duration.ofMillis(150)));
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(iccidOf(reader.read(reader.readerName()))).isEqualTo(ICCID.digits());
    }

    @Test
    void aModemSlowerThanTheTimeoutToItsFirstAtIsSilent() throws Exception {
        PtyPair pty = pty();
        modem(pty, ModemDialect.QUECTEL, SimulatedModem.Options.PLAIN.withAnswerDelay(Duration.ofMillis(800)));
        AtModemSimReader reader = reader(pty, new AtModemSimReader.Settings(Duration.ofMillis(200), Duration.ofMillis(50)));
        assertThat(errorOf(reader.read(reader.readerName()))).isEqualTo(CardError.READER_SILENT);
    }

    // ---- a silent or babbling modem is not an unplugged cable (issue 15, item 10) ----

    @Test
    void aPortWhoseOtherSideNeverAnswersIsSilentNotUnplugged() throws Exception {
        PtyPair pty = pty(); // nothing listens on b: the port is fine, the modem is off
        AtModemSimReader reader = reader(pty, QUICK);

        ReadResult.Failed failed = (ReadResult.Failed) reader.read(reader.readerName());

        assertThat(failed.error()).isEqualTo(CardError.READER_SILENT);
        assertThat(failed.detail()).isEqualTo("the modem on " + pty.a()
                + " does not answer AT within " + QUICK.commandTimeout().toMillis() + " ms (switched off, still starting, or another baud rate?)");
        assertThat(reader.readers()).isEmpty();
        assertThat(reader.fault()).map(ReadResult.Failed::error).contains(CardError.READER_SILENT);
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        reader.addListener(events::add);
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isInstanceOfSatisfying(CardEvent.ServiceLost.class,
                lost -> assertThat(lost.error()).isEqualTo(CardError.READER_SILENT));
    }

    @Test
    void aPortThatBabblesRandomBytesIsGarbledNotUnplugged() throws Exception {
        PtyPair pty = pty();
        own(BabblingDevice.start(JsscSerialLink.open(pty.b().toString(), 115200), 15));
        AtModemSimReader reader = reader(pty, QUICK);

        ReadResult.Failed failed = (ReadResult.Failed) reader.read(reader.readerName());

        assertThat(failed.error()).isEqualTo(CardError.READER_GARBLED);
        assertThat(failed.detail()).isEqualTo("the device on " + pty.a()
                + " answers, but not with AT responses (another baud rate, or not a modem?)");
        assertThat(reader.readers()).isEmpty();
        assertThat(reader.fault()).map(ReadResult.Failed::error).contains(CardError.READER_GARBLED);
    }

    @Test
    void aMissingPortIsTheOnlyOneThatPointsAtTheCable() throws Exception {
        PtyPair pty = pty();
        Path gone = pty.a();
        pty.close();
        AtModemSimReader reader = reader(gone);

        ReadResult.Failed failed = (ReadResult.Failed) reader.read(reader.readerName());

        assertThat(failed.error()).isEqualTo(CardError.PCSC_UNAVAILABLE);
        assertThat(failed.detail()).isEqualTo("serial port " + gone + " cannot be opened (missing, unplugged, or no permission?)");
    }

    @Test
    void aSilentModemThatIsSwitchedOnIsReadWithoutARestart() throws Exception {
        PtyPair pty = pty();
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(errorOf(reader.read(reader.readerName()))).isEqualTo(CardError.READER_SILENT);

        modem(pty, ModemDialect.SIMCOM, SimulatedModem.Options.PLAIN);

        assertThat(iccidOf(reader.read(reader.readerName()))).isEqualTo(ICCID.digits());
        assertThat(reader.fault()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void aSimPulledOutMidReadIsCardRemoved(ModemDialect dialect) throws Exception {
        PtyPair pty = pty();
        SimulatedModem modem = modem(pty, dialect, SimulatedModem.Options.PLAIN);
        AtModemSimReader reader = reader(pty, QUICK);
        modem.pullSimDuringNextRead();
        assertThat(errorOf(reader.read(reader.readerName()))).isEqualTo(CardError.CARD_REMOVED);
        assertThat(reader.readers()).singleElement().satisfies(r -> assertThat(r.cardPresent()).isFalse());
    }

    @Test
    void aVanishedPortIsServiceUnavailableAndTheMonitorSaysSo() throws Exception {
        PtyPair pty = pty();
        modem(pty, ModemDialect.SIMCOM, SimulatedModem.Options.PLAIN);
        AtModemSimReader reader = reader(pty, QUICK);
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        reader.addListener(events::add);
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(
                new CardEvent.ReadersChanged(List.of(new ReaderInfo(reader.readerName(), true))));
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));

        pty.vanish();

        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isInstanceOfSatisfying(CardEvent.ServiceLost.class,
                lost -> assertThat(lost.error()).isEqualTo(CardError.PCSC_UNAVAILABLE));
        // No ReadersChanged while the port is gone: the kiosk flow reads ReadersChanged as "service back".
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Removed(reader.readerName()));
        assertThat(errorOf(reader.read(reader.readerName()))).isEqualTo(CardError.PCSC_UNAVAILABLE);
        assertThat(reader.readers()).isEmpty();
    }

    @Test
    void reportsRemovalAndInsertionOfAnotherSim() throws Exception {
        PtyPair pty = pty();
        SimulatedModem modem = modem(pty, ModemDialect.UBLOX, SimulatedModem.Options.PLAIN.withChatter());
        AtModemSimReader reader = reader(pty, QUICK);
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        reader.addListener(events::add);
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isInstanceOf(CardEvent.ReadersChanged.class);
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));

        modem.removeSim();
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Removed(reader.readerName()));
        Iccid other = Iccid.parse("89812000001234567895");
        modem.insertSim(new VirtualSim(VirtualSimSpec.uicc(other.digits())));
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));
        assertThat(iccidOf(reader.read(reader.readerName()))).isEqualTo(other.digits());
    }

    @Test
    void awaitAndReadReturnsTheSimInsertedWhileWaiting() throws Exception {
        PtyPair pty = pty();
        SimulatedModem modem = modem(pty, ModemDialect.QUECTEL, SimulatedModem.Options.PLAIN);
        modem.removeSim();
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(errorOf(reader.awaitAndRead(null, Duration.ofMillis(300)))).isEqualTo(CardError.TIMEOUT);
        modem.insertSim(new VirtualSim(VirtualSimSpec.uicc(ICCID.digits())));
        assertThat(iccidOf(reader.awaitAndRead(null, BOUND))).isEqualTo(ICCID.digits());
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void verifiesThePinWithTheDialectsTryCounterAndNeverBlocksTheSim(ModemDialect dialect) throws Exception {
        PtyPair pty = pty();
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID.digits()).withPin("2468", 2));
        modem(pty, dialect, SimulatedModem.Options.PLAIN, card);
        AtModemSimReader reader = reader(pty, QUICK);
        ReadResult read = reader.read(reader.readerName());
        assertThat(((ReadResult.Sim) read).identity().pin()).isEqualTo(new PinStatus(true, 2));

        assertThat(reader.verifyPin(reader.readerName(), "1111")).isEqualTo(new PinResult.Wrong(1));
        assertThat(reader.verifyPin(reader.readerName(), "2468")).isEqualTo(new PinResult.Refused(1));
        assertThat(card.triesLeft()).isEqualTo(1);
    }

    @Test
    void verifiesTheRightPin() throws Exception {
        PtyPair pty = pty();
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID.digits()).withPin("2468", 3));
        modem(pty, ModemDialect.QUECTEL, SimulatedModem.Options.PLAIN, card);
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(reader.verifyPin(reader.readerName(), "2468")).isEqualTo(new PinResult.Verified());
        assertThat(card.triesLeft()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = VirtualSimSpec.Kind.class, names = {"UICC", "SIM_2G"})
    void fallsBackToTheSimItselfThroughCsimWhenCrsmIsMissingToo(VirtualSimSpec.Kind kind) throws Exception {
        PtyPair pty = pty();
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID.digits()).withKind(kind).withPin("2468", 3));
        modem(pty, ModemDialect.SIMCOM, SimulatedModem.Options.PLAIN.withoutIccidCommand().withoutCrsm(), card);
        AtModemSimReader reader = reader(pty, QUICK);
        ReadResult result = reader.read(reader.readerName());
        assertThat(iccidOf(result)).isEqualTo(ICCID.digits());
        assertThat(((ReadResult.Sim) result).identity().type())
                .isEqualTo(kind == VirtualSimSpec.Kind.UICC ? CardType.UICC : CardType.SIM_2G);
        assertThat(((ReadResult.Sim) result).identity().pin()).isEqualTo(new PinStatus(true, 3));
    }

    @Test
    void aBankCardInTheSlotIsNotASim() throws Exception {
        PtyPair pty = pty();
        modem(pty, ModemDialect.UBLOX, SimulatedModem.Options.PLAIN.withoutIccidCommand().withoutCrsm(),
                new VirtualSim(VirtualSimSpec.bankCard()));
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(errorOf(reader.read(reader.readerName()))).isEqualTo(CardError.NOT_A_SIM);
    }

    @Test
    void aModuleWithNoWayToTheIccidSaysSoInsteadOfHanging() throws Exception {
        PtyPair pty = pty();
        modem(pty, ModemDialect.UBLOX, SimulatedModem.Options.PLAIN.withoutIccidCommand().withoutCrsm().withoutCsim());
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(errorOf(reader.read(reader.readerName()))).isEqualTo(CardError.CARD_MUTE);
    }

    @Test
    void findsTheTriesLeftOnTheSimWhenTheModuleHasNoCounterCommand() throws Exception {
        PtyPair pty = pty();
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID.digits()).withPin("2468", 2));
        modem(pty, ModemDialect.SIMCOM, SimulatedModem.Options.PLAIN.withoutPinCounter(), card);
        AtModemSimReader reader = reader(pty, QUICK);
        ReadResult read = reader.read(reader.readerName());
        assertThat(((ReadResult.Sim) read).identity().pin()).isEqualTo(new PinStatus(true, 2));
    }

    @Test
    void aPinAlreadyGivenIsNotCheckedAgainAndNeverPassesAWrongOne() throws Exception {
        PtyPair pty = pty();
        VirtualSim card = new VirtualSim(VirtualSimSpec.uicc(ICCID.digits()).withPin("2468", 3));
        modem(pty, ModemDialect.UBLOX, SimulatedModem.Options.PLAIN, card);
        AtModemSimReader reader = reader(pty, QUICK);
        assertThat(reader.verifyPin(reader.readerName(), "2468")).isEqualTo(new PinResult.Verified()); // unlocks the module
        assertThat(reader.verifyPin(reader.readerName(), "1357")).isInstanceOf(PinResult.Failed.class);
        assertThat(card.triesLeft()).isEqualTo(3);
    }

    @Test
    void readsStayCorrectWhileTheMonitorPollsTheSameLine() throws Exception {
        PtyPair pty = pty();
        modem(pty, ModemDialect.QUECTEL, SimulatedModem.Options.PLAIN.withChatter());
        AtModemSimReader reader = reader(pty, new AtModemSimReader.Settings(TestTime.bound(Duration.ofSeconds(1)), Duration.ofMillis(1)));
        BlockingQueue<CardEvent> events = new LinkedBlockingQueue<>();
        reader.addListener(events::add);
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isInstanceOf(CardEvent.ReadersChanged.class);
        assertThat(events.poll(TestTime.scaled(5), TimeUnit.SECONDS)).isEqualTo(new CardEvent.Inserted(reader.readerName()));
        for (int i = 0; i < 50; i++) {
            assertThat(iccidOf(reader.read(reader.readerName()))).isEqualTo(ICCID.digits());
        }
        assertThat(events).as("no spurious removal while reading").isEmpty();
    }
}
