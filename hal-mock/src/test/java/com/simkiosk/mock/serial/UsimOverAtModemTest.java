package com.simkiosk.mock.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.simkiosk.card.CardError;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.aka.AkaChallenge;
import com.simkiosk.card.aka.AkaResult;
import com.simkiosk.card.aka.AkaVectors;
import com.simkiosk.card.aka.AuthVector;
import com.simkiosk.card.aka.Sqn;
import com.simkiosk.card.serial.AtModemSimReader;
import com.simkiosk.card.usim.ImsiResult;
import com.simkiosk.mock.sim.SimFault;
import com.simkiosk.mock.sim.UsimKeys;
import com.simkiosk.mock.usim.AkaNetwork;
import com.simkiosk.mock.sim.VirtualSim;
import com.simkiosk.mock.sim.VirtualSimSpec;
import com.simkiosk.serial.JsscSerialLink;
import com.simkiosk.testing.TestTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * AUTHENTICATE over a modem's {@code AT+CSIM} through real pseudo-terminals (socat), jssc on both ends: each APDU,
 * and the T=0 GET RESPONSE after {@code 61xx}, crosses the serial line as hex.
 */
class UsimOverAtModemTest {
    private static final String ICCID = "8981100000000000019";
    private static final Duration BOUND = TestTime.bound(Duration.ofSeconds(5));
    private static final AtModemSimReader.Settings QUICK =
            new AtModemSimReader.Settings(TestTime.bound(Duration.ofSeconds(1)), Duration.ofMillis(50));

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final AkaVectors network = AkaNetwork.forDemoLine();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        network.close();
    }

    private <T extends AutoCloseable> T own(T thing) {
        opened.add(thing);
        return thing;
    }

    /** A modem of {@code dialect} with {@code spec}'s card in its slot, and the kiosk's reader on the other end. */
    private AtModemSimReader modemWith(ModemDialect dialect, SimulatedModem.Options options, VirtualSimSpec spec) throws Exception {
        PtyPair pty = own(PtyPair.open(BOUND));
        own(SimulatedModem.start(JsscSerialLink.open(pty.b().toString(), 115200), dialect, new VirtualSim(spec), options));
        return own(AtModemSimReader.open(pty.a().toString(), 115200, QUICK));
    }

    @ParameterizedTest
    @EnumSource(ModemDialect.class)
    void aGenuineUsimAnswersResEqualToXresOverAtCsim(ModemDialect dialect) throws Exception {
        AtModemSimReader reader = modemWith(dialect, SimulatedModem.Options.PLAIN, VirtualSimSpec.uicc(ICCID));
        AuthVector vector = network.next();
        AkaResult result = reader.authenticate(reader.readerName(), AkaChallenge.of(vector), Optional.empty());
        assertThat(result).isInstanceOfSatisfying(AkaResult.Success.class, ok -> {
            assertThat(vector.matches(ok.res())).isTrue();
            assertThat(ok.ck()).isEqualTo(vector.ck());
        });
    }

    @Test
    void aForgedCardIsAMacFailureOverAtCsimEvenThroughChatterAndNoise() throws Exception {
        AtModemSimReader reader = modemWith(ModemDialect.QUECTEL, SimulatedModem.Options.PLAIN.withChatter(),
                VirtualSimSpec.uicc(ICCID).withUsimKeys(AkaNetwork.FORGED));
        assertThat(reader.authenticate(reader.readerName(), AkaChallenge.of(network.next()), Optional.empty()))
                .isEqualTo(new AkaResult.MacFailure());
    }

    @Test
    void aStaleSqnIsResynchronisedOverAtCsim() throws Exception {
        AtModemSimReader reader = modemWith(ModemDialect.UBLOX, SimulatedModem.Options.PLAIN,
                VirtualSimSpec.uicc(ICCID).withUsimKeys(UsimKeys.DEMO.withLastAccepted(Sqn.of(77, 9))));
        AuthVector stale = network.next();
        AkaResult first = reader.authenticate(reader.readerName(), AkaChallenge.of(stale), Optional.empty());
        assertThat(first).isInstanceOf(AkaResult.SyncFailure.class);
        assertThat(network.resynchronise(stale.rand(), ((AkaResult.SyncFailure) first).auts())).contains(Sqn.of(77, 9));
        assertThat(reader.authenticate(reader.readerName(), AkaChallenge.of(network.next()), Optional.empty()))
                .isInstanceOf(AkaResult.Success.class);
    }

    @Test
    void aPinLockedModemIsUnlockedWithAtCpinFirstAndNeverWithTheLastTry() throws Exception {
        AtModemSimReader reader = modemWith(ModemDialect.SIMCOM, SimulatedModem.Options.PLAIN,
                VirtualSimSpec.uicc(ICCID).withPin("2468", 3));
        assertThat(reader.authenticate(reader.readerName(), AkaChallenge.of(network.next()), Optional.empty()))
                .isEqualTo(AkaResult.PinNotVerified.noPinGiven());
        assertThat(reader.authenticate(reader.readerName(), AkaChallenge.of(network.next()), Optional.of("2468")))
                .isInstanceOf(AkaResult.Success.class);
        assertThat(reader.readImsi(reader.readerName(), Optional.empty())).isInstanceOf(ImsiResult.Read.class);

        AtModemSimReader lastTry = modemWith(ModemDialect.SIMCOM, SimulatedModem.Options.PLAIN,
                VirtualSimSpec.uicc(ICCID).withPin("2468", 1));
        assertThat(lastTry.authenticate(lastTry.readerName(), AkaChallenge.of(network.next()), Optional.of("2468")))
                .isEqualTo(new AkaResult.PinNotVerified(Optional.of(new PinResult.Refused(1))));
    }

    @Test
    void aSimPulledOutOfTheModemDuringAuthenticateIsReportedRemoved() throws Exception {
        AtModemSimReader reader = modemWith(ModemDialect.QUECTEL, SimulatedModem.Options.PLAIN,
                VirtualSimSpec.uicc(ICCID).withFault(SimFault.REMOVED_MID_AUTHENTICATE));
        assertThat(reader.authenticate(reader.readerName(), AkaChallenge.of(network.next()), Optional.empty()))
                .isInstanceOfSatisfying(AkaResult.Failed.class, f -> assertThat(f.error()).isEqualTo(CardError.CARD_REMOVED));
    }

    @Test
    void a2gSimInTheModemIsNotSupported() throws Exception {
        AtModemSimReader reader = modemWith(ModemDialect.QUECTEL, SimulatedModem.Options.PLAIN, VirtualSimSpec.sim2g(ICCID));
        assertThat(reader.authenticate(reader.readerName(), AkaChallenge.of(network.next()), Optional.empty()))
                .isInstanceOf(AkaResult.NotSupported.class);
    }
}
